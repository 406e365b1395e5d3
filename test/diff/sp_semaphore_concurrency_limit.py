import asyncio

async def main():
    sem = asyncio.Semaphore(3)
    running = 0
    timeline = []
    async def job(n):
        nonlocal running
        async with sem:
            running += 1
            timeline.append(running)
            await asyncio.sleep(0.01 * (n % 3 + 1))
            running -= 1
        return n
    results = await asyncio.gather(*(job(i) for i in range(10)))
    print(results)
    print("max concurrency:", max(timeline), "all started:", len(timeline))

asyncio.run(main())
