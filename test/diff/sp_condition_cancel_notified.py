import asyncio

async def main():
    # From test_locks: a waiter that was notified and then cancelled while re-acquiring
    # the lock must still end up holding the lock, then release it in async with.
    cond = asyncio.Condition()
    async def waiter():
        async with cond:
            await cond.wait()
            return "returned normally"
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    await cond.acquire()
    cond.notify()
    w.cancel()
    await asyncio.sleep(0)
    cond.release()
    res = await asyncio.gather(w, return_exceptions=True)
    print(type(res[0]).__name__, "lock free:", not cond.locked())
    # notify_all wakes in FIFO order
    order = []
    async def w2(n):
        async with cond:
            await cond.wait()
            order.append(n)
    ts = [asyncio.create_task(w2(i)) for i in range(4)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ts)
    print(order)

asyncio.run(main())
