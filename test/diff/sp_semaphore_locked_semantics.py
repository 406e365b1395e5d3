import asyncio

async def main():
    sem = asyncio.Semaphore(1)
    print("fresh:", sem.locked())
    await sem.acquire()
    print("after acquire:", sem.locked())
    w = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    sem.release()
    print("released, but a waiter is queued -> locked:", sem.locked())
    await w
    print("waiter got it:", sem.locked())
    sem.release()
    # A newcomer does not jump a queue whose head was just woken.
    await sem.acquire()
    a = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    sem.release()
    newcomer = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    print("woken waiter first:", a.done(), "newcomer waits:", not newcomer.done())
    sem.release()
    await newcomer
    sem.release()
    print("value restored:", not sem.locked())

asyncio.run(main())
