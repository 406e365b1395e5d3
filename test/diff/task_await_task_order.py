import asyncio

async def work(name, turns):
    for _ in range(turns):
        await asyncio.sleep(0)
    print(name, "returns")
    return name.upper()

async def waiter(name, t):
    print(name, "waits")
    r = await t
    print(name, "got", r)
    return r

async def main():
    loop = asyncio.get_running_loop()
    target = asyncio.create_task(work("target", 2))
    target.add_done_callback(lambda f: print("done cb 1 sees", f.result()))
    w1 = asyncio.create_task(waiter("w1", target))
    w2 = asyncio.create_task(waiter("w2", target))
    await asyncio.sleep(0)
    target.add_done_callback(lambda f: print("done cb 2 sees", f.result()))
    w3 = asyncio.create_task(waiter("w3", target))
    print("main awaits target")
    r = await target
    print("main got", r)
    await asyncio.sleep(0)
    print("all waiters done:", w1.done(), w2.done(), w3.done())
    # Awaiting a task that is already done does not suspend.
    loop.call_soon(print, "callback queued before awaiting done task")
    r = await target
    print("awaited done task again:", r)
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
