import asyncio

async def main():
    # From test_locks: cancel a waiter right after release wakes it; the next waiter gets the lock.
    lock = asyncio.Lock()
    await lock.acquire()
    fa = asyncio.create_task(lock.acquire())
    fb = asyncio.create_task(lock.acquire())
    fc = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    lock.release()
    fa.cancel()
    fb.cancel()
    for _ in range(3):
        await asyncio.sleep(0)
    print("a cancelled:", fa.cancelled(), "b cancelled:", fb.cancelled(), "c has it:", fc.done() and fc.result(), lock.locked())
    lock.release()
    # Cancel the first waiter before release: the second gets it.
    await lock.acquire()
    t1 = asyncio.create_task(lock.acquire())
    t2 = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    t1.cancel()
    await asyncio.sleep(0)
    lock.release()
    for _ in range(3):
        await asyncio.sleep(0)
    print("t1 cancelled:", t1.cancelled(), "t2 has it:", t2.done())
    lock.release()

asyncio.run(main())
