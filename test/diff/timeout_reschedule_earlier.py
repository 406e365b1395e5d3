import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(10) as cm:
            await asyncio.sleep(0.01)
            cm.reschedule(loop.time() + 0.05)
            await asyncio.sleep(1)
    except TimeoutError:
        print("earlier deadline fired: elapsed", round(loop.time() - t0, 1), "expired:", cm.expired())
    # a deadline already in the past fires on the next loop iteration
    t0 = loop.time()
    try:
        async with asyncio.timeout(10) as cm:
            cm.reschedule(loop.time() - 5)
            print("still running synchronously, expired:", cm.expired())
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("past deadline: elapsed", round(loop.time() - t0, 1), "expired:", cm.expired())
    # reschedule several times; only the last one counts
    t0 = loop.time()
    try:
        async with asyncio.timeout(0.01) as cm:
            for d in [0.3, 0.02, 0.2, 0.1]:
                cm.reschedule(loop.time() + d)
            await asyncio.sleep(1)
    except TimeoutError:
        print("last reschedule wins: elapsed", round(loop.time() - t0, 1))

asyncio.run(main())
