import asyncio

async def main():
    sem = asyncio.Semaphore(5)
    for _ in range(5):
        await sem.acquire()
    print("all 5 taken; locked:", sem.locked())
    waiters = [asyncio.create_task(sem.acquire()) for _ in range(3)]
    await asyncio.sleep(0)
    for _ in range(2):
        sem.release()
    await asyncio.sleep(0)
    print("2 released:", [w.done() for w in waiters])
    for _ in range(6):
        sem.release()
    await asyncio.gather(*waiters)
    print("after more releases:", [w.done() for w in waiters], "locked:", sem.locked())
    got = 0
    while not sem.locked():
        await sem.acquire()
        got += 1
    print("permits left to take:", got)

asyncio.run(main())
