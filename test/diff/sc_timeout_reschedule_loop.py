import asyncio

async def main():
    loop = asyncio.get_running_loop()
    # A heartbeat extends its own deadline while work keeps arriving.
    beats = 0
    try:
        async with asyncio.timeout(0.03) as cm:
            for i in range(5):
                await asyncio.sleep(0.02)
                beats += 1
                cm.reschedule(loop.time() + 0.03)
            await asyncio.sleep(1)
    except TimeoutError:
        print("heartbeats before the deadline won:", beats)
    # expired() flips only when the deadline passes.
    async with asyncio.timeout(0.02) as cm:
        await asyncio.sleep(0.01)
        print("expired halfway:", cm.expired())
    print("expired after leaving early:", cm.expired())

asyncio.run(main())
