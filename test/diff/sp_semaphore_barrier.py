import asyncio

async def main():
    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0
    order = []
    async def worker(name):
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            order.append(name)
            await asyncio.sleep(0.005)
            active -= 1
    await asyncio.gather(*(worker(n) for n in "abcdef"))
    print("order:", "".join(order), "peak:", peak, "locked:", sem.locked())
    s0 = asyncio.Semaphore(0)
    print("Semaphore(0) locked:", s0.locked())
    t = asyncio.create_task(s0.acquire())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    s0.release()
    print("released permit usable:", await asyncio.wait_for(s0.acquire(), 0.1), s0.locked())
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    for bad in (-1,):
        try:
            asyncio.Semaphore(bad)
        except ValueError as e:
            print("ValueError:", e)
    barrier = asyncio.Barrier(3)
    print("parties:", barrier.parties, "n_waiting:", barrier.n_waiting, "broken:", barrier.broken)
    async def party(name):
        idx = await barrier.wait()
        return name, idx
    res = await asyncio.gather(*(party(n) for n in "xyz"))
    print(sorted(i for _, i in res))
    p = [asyncio.create_task(barrier.wait()) for _ in range(2)]
    await asyncio.sleep(0)
    print("n_waiting:", barrier.n_waiting)
    await barrier.abort()
    r = await asyncio.gather(*p, return_exceptions=True)
    print([type(x).__name__ for x in r], "broken:", barrier.broken)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
