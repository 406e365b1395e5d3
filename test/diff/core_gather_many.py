import asyncio

N = 200_000

async def child(i):
    if i % 50_000 == 7:
        raise ValueError(i)
    return i

async def main():
    tasks = [asyncio.create_task(child(i)) for i in range(N)]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print(len(results), sum(r for r in results if isinstance(r, int)))
    print([str(r) for r in results if isinstance(r, ValueError)])
    try:
        await asyncio.gather(*(child(i) for i in range(N)))
    except ValueError as e:
        print("ValueError", e)
    values = await asyncio.gather(*(asyncio.sleep(0, i) for i in range(N)))
    print(values[:3], values[-1])

asyncio.run(main())
