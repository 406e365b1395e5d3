import asyncio

async def main():
    cond = asyncio.Condition()
    presence = []
    async def c1():
        async with cond:
            await cond.wait_for(lambda: 1 in presence)
            return "c1 saw 1"
    async def c2():
        async with cond:
            await cond.wait_for(lambda: 2 in presence)
            return "c2 saw 2"
    t1 = asyncio.create_task(c1())
    t2 = asyncio.create_task(c2())
    await asyncio.sleep(0)
    async with cond:
        presence.append(2)
        cond.notify_all()
    await asyncio.sleep(0.01)
    print("after 2:", t1.done(), t2.done())
    async with cond:
        presence.append(1)
        cond.notify_all()
    print(await t1, await t2)
    async with cond:
        print("wait_for with a true predicate returns at once:", await cond.wait_for(lambda: "already"))
    print("notify with no waiters is fine:", end=" ")
    async with cond:
        cond.notify(5)
    print("ok")

asyncio.run(main())
