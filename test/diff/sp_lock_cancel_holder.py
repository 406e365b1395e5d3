import asyncio

async def main():
    lock = asyncio.Lock()
    log = []
    async def holder():
        async with lock:
            log.append("holder has it")
            await asyncio.sleep(1)
    async def waiter(n):
        async with lock:
            log.append(f"waiter {n} has it")
    h = asyncio.create_task(holder())
    await asyncio.sleep(0)
    ws = [asyncio.create_task(waiter(i)) for i in range(2)]
    await asyncio.sleep(0)
    h.cancel()
    await asyncio.gather(h, *ws, return_exceptions=True)
    print(log, "locked:", lock.locked())
    async def acquire_release_many():
        for _ in range(3):
            await lock.acquire()
            await asyncio.sleep(0)
            lock.release()
    await asyncio.gather(*(acquire_release_many() for _ in range(3)))
    print("no deadlock; locked:", lock.locked())

asyncio.run(main())
