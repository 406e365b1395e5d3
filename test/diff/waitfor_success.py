import asyncio

async def compute(x):
    await asyncio.sleep(0.01)
    return x * 2

async def main():
    loop = asyncio.get_running_loop()
    print("coroutine:", await asyncio.wait_for(compute(1), 1))
    t = asyncio.create_task(compute(2))
    print("task:", await asyncio.wait_for(t, 1), "task done:", t.done())
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "future value")
    print("future:", await asyncio.wait_for(fut, 1))
    done = loop.create_future()
    done.set_result("already done")
    print("done future:", await asyncio.wait_for(done, 1))
    print("sleep with result:", await asyncio.wait_for(asyncio.sleep(0.01, "slept"), 0.5))
    print("no timer left behind; cancelling:", asyncio.current_task().cancelling())
    await asyncio.sleep(0.02)
    print("still fine")

asyncio.run(main())
