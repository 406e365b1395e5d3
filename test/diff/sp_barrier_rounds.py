import asyncio

async def main():
    barrier = asyncio.Barrier(2)
    log = []
    async def runner(name, rounds):
        for r in range(rounds):
            await asyncio.sleep(0.01 if name == "slow" else 0)
            idx = await barrier.wait()
            log.append((r, name, idx))
    await asyncio.gather(runner("fast", 3), runner("slow", 3))
    print(sorted(log))
    b = asyncio.Barrier(3)
    ts = [asyncio.create_task(b.wait()) for _ in range(2)]
    await asyncio.sleep(0)
    print("waiting:", b.n_waiting)
    await b.reset()
    res = await asyncio.gather(*ts, return_exceptions=True)
    print("after reset:", [type(r).__name__ for r in res], "broken:", b.broken, "waiting:", b.n_waiting)
    ts = [asyncio.create_task(b.wait()) for _ in range(3)]
    print("usable again:", sorted(await asyncio.gather(*ts)))
    async with asyncio.Barrier(1) as idx:
        print("async with gives the index:", idx)

asyncio.run(main())
