import asyncio

class Swallower:
    def __init__(self, swallow):
        self.swallow = swallow
    async def __aenter__(self):
        return self
    async def __aexit__(self, et, e, tb):
        print("aexit saw", type(e).__name__ if e else None)
        return self.swallow

async def body(swallow):
    async with Swallower(swallow):
        await asyncio.sleep(1)
    return "continued after a swallowed cancellation"

async def main():
    for swallow in (False, True):
        t = asyncio.create_task(body(swallow))
        await asyncio.sleep(0)
        t.cancel()
        r = await asyncio.gather(t, return_exceptions=True)
        print("swallow" if swallow else "propagate", "->", type(r[0]).__name__ if isinstance(r[0], BaseException) else r[0], "| cancelled():", t.cancelled())

asyncio.run(main())
