import asyncio

async def main():
    results = []
    async with asyncio.TaskGroup() as tg:
        async def spawner(depth):
            results.append(depth)
            await asyncio.sleep(0)
            if depth < 3:
                tg.create_task(spawner(depth + 1))
                tg.create_task(spawner(depth + 1))
        tg.create_task(spawner(0))
    print("all descendants awaited:", len(results), sorted(results))

asyncio.run(main())
