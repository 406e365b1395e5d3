import asyncio

async def job(name, limit, work):
    try:
        async with asyncio.timeout(limit):
            await asyncio.sleep(work)
        print(name, "finished")
        return name
    except TimeoutError:
        print(name, "timed out")
        return None

async def main():
    tasks = [
        asyncio.create_task(job("a", 0.06, 1)),
        asyncio.create_task(job("b", 0.02, 1)),
        asyncio.create_task(job("c", 0.2, 0.04)),
        asyncio.create_task(job("d", 0.04, 1)),
        asyncio.create_task(job("e", None, 0.08)),
    ]
    print(await asyncio.gather(*tasks))
    print("cancelling counts:", [t.cancelling() for t in tasks])

asyncio.run(main())
