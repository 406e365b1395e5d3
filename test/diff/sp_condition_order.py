import asyncio

async def main():
    cond = asyncio.Condition()
    woken = []
    async def waiter(name):
        async with cond:
            await cond.wait()
            woken.append(name)
    ts = {n: asyncio.create_task(waiter(n)) for n in "abcde"}
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0.01)
    print("notify(2) woke:", woken)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ts.values(), return_exceptions=True)
    print("all:", woken)
    state = {"n": 0}
    async def incrementer():
        for _ in range(3):
            await asyncio.sleep(0.005)
            async with cond:
                state["n"] += 1
                cond.notify_all()
    async def watcher():
        async with cond:
            result = await cond.wait_for(lambda: state["n"] >= 3 and state["n"])
            return result
    w = asyncio.create_task(watcher())
    await incrementer()
    print("wait_for returned the predicate value:", await w)

asyncio.run(main())
