import asyncio

async def main():
    lock = asyncio.Lock()
    order = []
    async def worker(name, hold):
        async with lock:
            order.append(name)
            await asyncio.sleep(hold)
    tasks = [asyncio.create_task(worker(n, 0.005)) for n in "abcde"]
    await asyncio.sleep(0)
    print("locked:", lock.locked())
    await asyncio.gather(*tasks)
    print("order:", "".join(order), "locked:", lock.locked())
    # A waiter woken and then cancelled passes the lock on.
    await lock.acquire()
    log = []
    async def waiter(name):
        try:
            await lock.acquire()
        except asyncio.CancelledError:
            log.append(name + " cancelled")
            raise
        log.append(name + " acquired")
        lock.release()
    w1 = asyncio.create_task(waiter("w1"))
    w2 = asyncio.create_task(waiter("w2"))
    await asyncio.sleep(0)
    lock.release()
    w1.cancel()
    await asyncio.gather(w1, w2, return_exceptions=True)
    print(log, "locked:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    await lock.acquire()
    c = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)
    lock.release()
    print("cancelled waiters don't block newcomers:", await asyncio.wait_for(lock.acquire(), 0.1))

asyncio.run(main())
