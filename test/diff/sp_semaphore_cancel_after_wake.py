import asyncio

async def main():
    # From test_locks: a waiter woken by release but cancelled before it runs gives the
    # permit back, and the next waiter gets it.
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    got = []
    async def w(n):
        await sem.acquire()
        got.append(n)
    t1 = asyncio.create_task(w(1))
    t2 = asyncio.create_task(w(2))
    t3 = asyncio.create_task(w(3))
    await asyncio.sleep(0)
    sem.release()
    t1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("got:", got, "t1 cancelled:", t1.cancelled(), "locked:", sem.locked())
    sem.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("got:", got)
    sem.release()
    await asyncio.gather(t2, t3)
    sem.release()
    print("all permits back:", not sem.locked())

asyncio.run(main())
