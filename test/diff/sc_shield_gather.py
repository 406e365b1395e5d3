import asyncio

async def job(n):
    await asyncio.sleep(0.02)
    return n

async def main():
    inner = asyncio.gather(job(1), job(2))
    async def caller():
        return await asyncio.shield(inner)
    c = asyncio.create_task(caller())
    await asyncio.sleep(0.005)
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)
    print("caller cancelled:", c.cancelled(), "gather still runs:", not inner.done())
    print(await inner)
    s = asyncio.shield(asyncio.sleep(0.01, "coroutine"))
    print("shield of a coroutine wraps it in a task:", await s)

asyncio.run(main())
