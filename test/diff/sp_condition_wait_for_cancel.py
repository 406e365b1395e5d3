import asyncio

async def main():
    cond = asyncio.Condition()
    flag = {"v": False}
    async def waiter():
        async with cond:
            try:
                await cond.wait_for(lambda: flag["v"])
            except asyncio.CancelledError:
                print("cancelled in wait_for; holds lock:", cond.locked())
                raise
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("lock free after:", not cond.locked())
    t2 = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(asyncio.shield(t2), 0.01)
    except TimeoutError:
        print("still waiting after a timeout around shield:", not t2.done())
    async with cond:
        flag["v"] = True
        cond.notify_all()
    await t2
    print("predicate satisfied:", t2.done())

asyncio.run(main())
