import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    deadline = t0 + 0.07
    cm = asyncio.timeout_at(deadline)
    print("when is the deadline:", cm.when() == deadline)
    try:
        async with cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout_at fired at", round(loop.time() - t0, 1), "expired", cm.expired())
    async with asyncio.timeout_at(None) as cm:
        await asyncio.sleep(0.01)
        print("timeout_at(None): when", cm.when())
        cm.reschedule(loop.time() + 0.2)
        await asyncio.sleep(0.01)
    print("no expiry:", cm.expired())
    # a deadline computed before a long await may already be in the past on entry
    deadline = loop.time() + 0.02
    await asyncio.sleep(0.05)
    try:
        async with asyncio.timeout_at(deadline):
            print("entered a past deadline")
            await asyncio.sleep(0.1)
    except TimeoutError:
        print("past deadline fires at once; elapsed", round(loop.time() - t0, 1))

asyncio.run(main())
