import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async with asyncio.timeout(0.05) as cm:
        print("initial when offset", round(cm.when() - t0, 2))
        cm.reschedule(loop.time() + 0.2)
        print("new when offset", round(cm.when() - t0, 1))
        await asyncio.sleep(0.1)
        print("survived past the original deadline")
    print("expired:", cm.expired(), "elapsed", round(loop.time() - t0, 1))
    # moved later, but still expires
    t0 = loop.time()
    try:
        async with asyncio.timeout(0.05) as cm:
            cm.reschedule(cm.when() + 0.05)
            await asyncio.sleep(1)
    except TimeoutError:
        print("expired later: elapsed", round(loop.time() - t0, 1), "expired:", cm.expired())

asyncio.run(main())
