import asyncio

async def main():
    print("empty:", [x for x in asyncio.as_completed([])])
    t = asyncio.create_task(asyncio.sleep(0.01, "dup"))
    results = [await f for f in asyncio.as_completed([t, t])]
    print("the same task twice counts once:", results)
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result("already done")
    results = []
    for nxt in asyncio.as_completed([f, asyncio.create_task(asyncio.sleep(0.01, "later"))]):
        results.append(await nxt)
    print(results)
    cancelled = asyncio.create_task(asyncio.sleep(1))
    cancelled.cancel()
    for nxt in asyncio.as_completed([cancelled]):
        try:
            await nxt
        except asyncio.CancelledError:
            print("a cancelled item raises CancelledError")

asyncio.run(main())
