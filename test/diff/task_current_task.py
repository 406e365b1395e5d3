import asyncio

def describe(t):
    return None if t is None else t.get_name()

async def inner(expected):
    print("  inner: current is expected:", asyncio.current_task() is expected)
    await asyncio.sleep(0)
    print("  inner after await: current is expected:", asyncio.current_task() is expected)

async def worker(tag):
    me = asyncio.current_task()
    print(tag, "current:", describe(me))
    await inner(me)
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: print(tag, "call_soon callback sees:", describe(asyncio.current_task())))
    await asyncio.sleep(0)
    print(tag, "still", describe(asyncio.current_task()), asyncio.current_task() is me)
    return me

async def main():
    loop = asyncio.get_running_loop()
    main_task = asyncio.current_task()
    print("main current:", describe(main_task))
    t1 = asyncio.create_task(worker("w1"))
    t2 = loop.create_task(worker("w2"), name="second")
    t1.add_done_callback(lambda f: print("done callback sees:", describe(asyncio.current_task(loop))))
    loop.call_later(0.01, lambda: print("call_later sees:", describe(asyncio.current_task(loop))))
    r1, r2 = await asyncio.gather(t1, t2)
    print("returned selves:", r1 is t1, r2 is t2)
    await asyncio.sleep(0.02)
    print("main again:", asyncio.current_task() is main_task)
    fut = loop.create_future()
    def cb():
        fut.set_result(describe(asyncio.current_task(loop)))
    loop.call_soon(cb)
    print("future set from callback with:", await fut)
    print("all_tasks has only main:", [describe(t) for t in asyncio.all_tasks()])

asyncio.run(main())
print("outside the loop, no running loop:", end=" ")
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError", e)
