import asyncio

async def main():
    sem = asyncio.Semaphore(0)
    order = []
    async def w(n):
        await sem.acquire()
        order.append(n)
    ts = [asyncio.create_task(w(i)) for i in range(5)]
    await asyncio.sleep(0)
    print("locked with waiters:", sem.locked())
    sem.release()
    sem.release()
    await asyncio.sleep(0)
    print("after 2 releases:", order)
    late = asyncio.create_task(w("late"))
    await asyncio.sleep(0)
    for _ in range(4):
        sem.release()
    await asyncio.gather(*ts, late)
    print("FIFO, the newcomer last:", order)
    bs = asyncio.BoundedSemaphore(2)
    async with bs:
        async with bs:
            print("both permits held:", bs.locked())
    print("released:", bs.locked())

asyncio.run(main())
