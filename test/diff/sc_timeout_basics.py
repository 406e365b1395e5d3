import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.02) as cm:
            print("when set:", cm.when() is not None, "expired:", cm.expired())
            await asyncio.sleep(1)
    except TimeoutError:
        print("TimeoutError; expired:", cm.expired())
    async with asyncio.timeout(0.5) as cm:
        await asyncio.sleep(0.01)
    print("no expiry:", cm.expired())
    async with asyncio.timeout(None) as cm:
        print("when None:", cm.when())
        cm.reschedule(loop.time() + 0.01)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("inside sees CancelledError")
            raise
    print("unreachable")

async def outer():
    try:
        await main()
    except TimeoutError:
        print("rescheduled timeout fired")
    cm = asyncio.timeout(0.01)
    try:
        cm.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with asyncio.timeout(0.01):
            try:
                await asyncio.sleep(1)
            finally:
                print("cleanup before TimeoutError")
    except TimeoutError as e:
        print("cause is CancelledError:", type(e.__cause__).__name__)
    try:
        async with asyncio.timeout(-1):
            await asyncio.sleep(0)
    except TimeoutError:
        print("negative delay expires at once")

asyncio.run(outer())
