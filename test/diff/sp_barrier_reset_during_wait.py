import asyncio

async def main():
    b = asyncio.Barrier(2)
    results = []
    async def waiter(n):
        try:
            idx = await b.wait()
            results.append((n, "passed", idx))
        except asyncio.BrokenBarrierError:
            results.append((n, "broken"))
    w1 = asyncio.create_task(waiter("first"))
    await asyncio.sleep(0)
    await b.reset()
    await w1
    print(results, "broken:", b.broken, "waiting:", b.n_waiting)
    results.clear()
    ws = [asyncio.create_task(waiter(n)) for n in ("x", "y")]
    await asyncio.gather(*ws)
    print(sorted(results))
    b2 = asyncio.Barrier(2)
    ws2 = [asyncio.create_task(b2.wait())]
    await asyncio.sleep(0)
    await b2.abort()
    r = await asyncio.gather(*ws2, return_exceptions=True)
    print(type(r[0]).__name__, "broken:", b2.broken)

asyncio.run(main())
