import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    beats = 0
    try:
        async with asyncio.timeout(0.04) as cm:
            while True:
                await asyncio.sleep(0.02)
                beats += 1
                if beats <= 5:
                    # each heartbeat pushes the deadline further
                    cm.reschedule(loop.time() + 0.04)
                    print("beat", beats, "deadline pushed")
                else:
                    print("beat", beats, "no push")
    except TimeoutError:
        print("watchdog fired after", beats, "beats; elapsed", round(loop.time() - t0, 1))

asyncio.run(main())
