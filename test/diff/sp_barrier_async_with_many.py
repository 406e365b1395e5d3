import asyncio

async def main():
    barrier = asyncio.Barrier(4)
    log = []
    async def worker(n):
        log.append(f"{n} before")
        async with barrier as idx:
            log.append(f"{n} passed")
            return idx
    results = await asyncio.gather(*(worker(i) for i in range(4)))
    print(sorted(results))
    print(log[:4])
    print(sorted(log[4:]))
    print("n_waiting after the round:", barrier.n_waiting, "parties:", barrier.parties)

asyncio.run(main())
