import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout_at(t0 + 0.05) as cm:
            print("deadline in", round(cm.when() - t0, 2))
            cm.reschedule(t0 + 0.01)
            await asyncio.sleep(1)
    except TimeoutError:
        print("fired at the new deadline, not the old one:", 0.01 <= loop.time() - t0 < 0.05)
    t1 = loop.time()
    async with asyncio.timeout_at(t1 + 0.01) as cm:
        cm.reschedule(t1 + 1)
        await asyncio.sleep(0.03)
        print("pushed later; expired:", cm.expired())
        cm.reschedule(None)
        await asyncio.sleep(0.01)
    print("reschedule(None) disables:", cm.when())
    async with asyncio.timeout_at(None):
        await asyncio.sleep(0)
    print("timeout_at(None) never fires")
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            await asyncio.sleep(0)
    except TimeoutError:
        print("a deadline in the past fires at the first await")

asyncio.run(main())
