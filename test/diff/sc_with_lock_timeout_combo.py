import asyncio

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    try:
        async with asyncio.timeout(0.01):
            async with lock:
                print("never")
    except TimeoutError:
        print("gave up waiting for the lock; still held by main:", lock.locked())
    print("no waiter left behind:", len(lock._waiters or []))
    lock.release()
    async with asyncio.timeout(0.1):
        async with lock:
            print("got it in time")
    sem = asyncio.Semaphore(0)
    try:
        await asyncio.wait_for(sem.acquire(), 0.01)
    except TimeoutError:
        sem.release()
        print("permit not leaked:", not sem.locked())

asyncio.run(main())
