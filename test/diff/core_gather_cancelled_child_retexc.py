import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t1 = asyncio.create_task(asyncio.sleep(1, "never"))
    t2 = asyncio.create_task(asyncio.sleep(0.01, "fine"))
    f = loop.create_future()
    g = asyncio.gather(t1, t2, f, return_exceptions=True)
    await asyncio.sleep(0)
    t1.cancel("child msg")
    f.set_exception(LookupError("future failed"))
    res = await g
    print([(type(r).__name__, str(r)) if isinstance(r, BaseException) else r for r in res])

asyncio.run(main())
