import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async with asyncio.timeout(0.05) as cm:
        cm.reschedule(None)
        print("when after reschedule(None):", cm.when())
        await asyncio.sleep(0.1)
        print("slept past the cancelled deadline")
    print("expired:", cm.expired(), "elapsed", round(loop.time() - t0, 1))
    # from None to a real deadline
    t0 = loop.time()
    try:
        async with asyncio.timeout(None) as cm:
            print("when:", cm.when())
            await asyncio.sleep(0.02)
            cm.reschedule(loop.time() + 0.03)
            await asyncio.sleep(1)
    except TimeoutError:
        print("deadline set later fired: elapsed", round(loop.time() - t0, 1))
    # None, then a deadline, then None again
    async with asyncio.timeout(None) as cm:
        cm.reschedule(loop.time() + 0.01)
        cm.reschedule(None)
        await asyncio.sleep(0.05)
    print("no expiry:", cm.expired(), cm.when())

asyncio.run(main())
