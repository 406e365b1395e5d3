import asyncio

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    waiters = [asyncio.create_task(lock.acquire()) for _ in range(3)]
    await asyncio.sleep(0)
    waiters[1].cancel()
    await asyncio.sleep(0)
    print("cancelled middle waiter; locked:", lock.locked())
    lock.release()
    await asyncio.sleep(0)
    print("first waiter has it:", waiters[0].done(), "third waits:", not waiters[2].done())
    lock.release()
    await asyncio.sleep(0)
    print("third has it:", waiters[2].done(), waiters[2].result() if waiters[2].done() else None)
    lock.release()
    print("finally unlocked:", not lock.locked())

asyncio.run(main())
