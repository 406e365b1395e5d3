import asyncio

class SlowClose:
    async def __aenter__(self):
        return self
    async def __aexit__(self, et, e, tb):
        print("closing…")
        try:
            await asyncio.sleep(0.05)
            print("closed")
        except asyncio.CancelledError:
            print("close interrupted by a second cancel")
            raise
        return False

async def user():
    async with SlowClose():
        await asyncio.sleep(1)

async def main():
    t = asyncio.create_task(user())
    await asyncio.sleep(0.01)
    t.cancel()
    await asyncio.sleep(0.01)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled())

asyncio.run(main())
