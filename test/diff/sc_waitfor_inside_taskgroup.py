import asyncio

async def fetch(n):
    await asyncio.sleep(0.01 * n)
    return n

async def guarded(n):
    try:
        return await asyncio.wait_for(fetch(n), 0.025)
    except TimeoutError:
        return f"{n}: gave up"

async def main():
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(guarded(n)) for n in range(1, 5)]
    print([t.result() for t in ts])

asyncio.run(main())
