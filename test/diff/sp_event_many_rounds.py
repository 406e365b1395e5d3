import asyncio

async def main():
    go = asyncio.Event()
    done = asyncio.Event()
    log = []
    async def worker(n):
        for r in range(3):
            await go.wait()
            log.append((r, n))
            await done.wait()
    ws = [asyncio.create_task(worker(i)) for i in range(2)]
    for r in range(3):
        done.clear()
        go.set()
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        go.clear()
        done.set()
        await asyncio.sleep(0)
    await asyncio.gather(*ws)
    print(log)

asyncio.run(main())
