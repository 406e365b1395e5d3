import asyncio

async def bounded(n, d):
    try:
        async with asyncio.timeout(0.02):
            await asyncio.sleep(d)
        return f"{n} ok"
    except TimeoutError:
        return f"{n} timed out"

async def main():
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(bounded(n, d)) for n, d in enumerate([0.01, 0.05, 0.015])]
    print("a child's own timeout is not a group failure:", [t.result() for t in ts])
    async def raises_timeout():
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(raises_timeout())
    except ExceptionGroup as eg:
        print("an unhandled TimeoutError in a child is:", [type(e).__name__ for e in eg.exceptions])

asyncio.run(main())
