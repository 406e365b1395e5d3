import asyncio

class Failing:
    def __init__(self, fail_on_clean):
        self.fail_on_clean = fail_on_clean

    async def __aenter__(self):
        print("enter")
        return "v"

    async def __aexit__(self, et, exc, tb):
        print("aexit got", None if exc is None else type(exc).__name__)
        await asyncio.sleep(0)
        if exc is not None or self.fail_on_clean:
            raise RuntimeError("from aexit")
        return False

async def body_raises():
    async with Failing(False):
        raise ValueError("from body")

async def body_returns():
    async with Failing(True) as v:
        return v * 3

async def body_cancelled(started):
    async with Failing(False):
        started.set_result(None)
        await asyncio.sleep(1)

async def main():
    try:
        await body_raises()
    except Exception as e:
        print("caught", type(e).__name__, str(e))
    try:
        print("returned", await body_returns())
    except Exception as e:
        print("caught", type(e).__name__, str(e))
    started = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(body_cancelled(started))
    await started
    t.cancel()
    try:
        await t
    except RuntimeError as e:
        print("task failed with", type(e).__name__, str(e), "cancelled:", t.cancelled())
    except asyncio.CancelledError:
        print("task cancelled")

asyncio.run(main())
