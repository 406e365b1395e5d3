import asyncio

async def main():
    lock = asyncio.Lock()
    c1 = asyncio.Condition(lock)
    c2 = asyncio.Condition(lock)
    log = []
    async def on(cond, name):
        async with cond:
            await cond.wait()
            log.append(name + " woke, lock held: " + str(lock.locked()))
    ts = [asyncio.create_task(on(c1, "c1")), asyncio.create_task(on(c2, "c2"))]
    await asyncio.sleep(0)
    async with lock:
        print("holding the shared lock; conditions see it:", c1.locked(), c2.locked())
        c2.notify()
    await asyncio.sleep(0.01)
    print(log)
    async with c1:
        c1.notify()
    await asyncio.gather(*ts)
    print(log, "lock free:", not lock.locked())

asyncio.run(main())
