import asyncio

async def nested():
    # Inside a nested coroutine, the task's coroutine is still the outer one.
    return asyncio.current_task().get_coro()

async def job(x):
    await asyncio.sleep(0)
    seen = await nested()
    return seen

async def main():
    loop = asyncio.get_running_loop()
    coro = job(1)
    t = asyncio.create_task(coro)
    print("create_task: get_coro() is coro:", t.get_coro() is coro)
    seen = await t
    print("inside, the task's coro is the outer coro:", seen is coro)
    print("after completion, still the same coro:", t.get_coro() is coro)
    coro2 = job(2)
    t2 = loop.create_task(coro2, name="x")
    print("loop.create_task:", t2.get_coro() is coro2)
    coro3 = job(3)
    t3 = asyncio.ensure_future(coro3)
    print("ensure_future:", t3.get_coro() is coro3, asyncio.iscoroutine(t3.get_coro()))
    await asyncio.gather(t2, t3)
    main_coro = asyncio.current_task().get_coro()
    print("main's coro is a coroutine:", asyncio.iscoroutine(main_coro))
    for bad in [42, None, job]:
        try:
            asyncio.create_task(bad)
        except TypeError:
            print("create_task rejected a non-coroutine: TypeError")

asyncio.run(main())
