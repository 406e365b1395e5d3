import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    beats = 0
    try:
        async with asyncio.timeout(0.23) as cm:
            while True:
                await asyncio.sleep(0.1)
                beats += 1
                if beats <= 5:
                    # each heartbeat pushes the deadline further
                    cm.reschedule(loop.time() + 0.23)
                    print("beat", beats, "deadline pushed")
                else:
                    print("beat", beats, "no push")
    except TimeoutError:
        # the deadline (0.73 s) falls between beats 7 and 8, 30 ms from either, so load cannot reorder them
        print("watchdog fired after", beats, "beats; on time:", loop.time() - t0 >= 0.72)

asyncio.run(main())
