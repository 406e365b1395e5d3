import asyncio

class SlowExit:
    def __init__(self, name, delay):
        self.name = name
        self.delay = delay

    async def __aenter__(self):
        print(self.name, "entered")
        return self

    async def __aexit__(self, et, exc, tb):
        print(self.name, "aexit starts; body error:", None if exc is None else type(exc).__name__)
        try:
            await asyncio.sleep(self.delay)
        except asyncio.CancelledError:
            print(self.name, "aexit cancelled")
            raise
        print(self.name, "aexit done")
        return False

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    # the deadline passes while aexit awaits: aexit's CancelledError becomes TimeoutError
    try:
        async with asyncio.timeout(0.03) as cm:
            async with SlowExit("a", 1):
                await asyncio.sleep(0.01)
    except TimeoutError:
        print("TimeoutError; expired", cm.expired(), "elapsed", round(loop.time() - t0, 1))
    # the deadline passes in the body; aexit sees CancelledError and finishes its own awaits
    try:
        async with asyncio.timeout(0.02) as cm:
            async with SlowExit("b", 0.02):
                await asyncio.sleep(1)
    except TimeoutError:
        print("TimeoutError after aexit finished; expired", cm.expired())
    # the timeout inside the custom manager's body
    async with SlowExit("c", 0):
        try:
            async with asyncio.timeout(0.01):
                await asyncio.sleep(1)
        except TimeoutError:
            print("c body handled its TimeoutError")
    print("cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
