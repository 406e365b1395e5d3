import asyncio

async def work(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError("%s failed" % name)
        print(name, "done")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    a = asyncio.create_task(work("a", 0.02))
    b = asyncio.create_task(work("b", 0.06, fail=True))
    c = asyncio.create_task(work("c", 0.12))
    try:
        await asyncio.gather(a, b, c)
    except ValueError as e:
        print("gather raised:", e)
    print("c still running:", not c.done())
    await c
    print(await asyncio.gather(work("x", 0.06), work("y", 0.02), asyncio.sleep(0, "z")))
    print(await asyncio.gather())
    res = await asyncio.gather(work("p", 0.02, True), work("q", 0.06), return_exceptions=True)
    print([type(r).__name__ if isinstance(r, Exception) else r for r in res])

asyncio.run(main())
