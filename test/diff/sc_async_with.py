import asyncio

class Resource:
    def __init__(self, name, swallow=False, fail_exit=False):
        self.name, self.swallow, self.fail_exit = name, swallow, fail_exit
    async def __aenter__(self):
        await asyncio.sleep(0)
        print("enter", self.name)
        return self.name.upper()
    async def __aexit__(self, et, exc, tb):
        await asyncio.sleep(0)
        print("exit", self.name, "with", type(exc).__name__ if exc else None)
        if self.fail_exit:
            raise LookupError("exit failed")
        return self.swallow

async def main():
    async with Resource("plain") as v:
        print("body got", v)
    try:
        async with Resource("propagate"):
            raise ValueError("body error")
    except ValueError as e:
        print("propagated:", e)
    async with Resource("swallow", swallow=True):
        raise ValueError("swallowed error")
    print("after swallow")
    try:
        async with Resource("replace", fail_exit=True):
            raise ValueError("original")
    except LookupError as e:
        print("replaced by:", e)
    t = asyncio.create_task(asyncio.sleep(1))
    async def cancelled_body():
        async with Resource("cancel"):
            await asyncio.sleep(1)
    c = asyncio.create_task(cancelled_body())
    await asyncio.sleep(0.01)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("cancellation went through aexit")
    t.cancel()
    try:
        async with 42:
            pass
    except (TypeError, AttributeError) as e:
        print("not a context manager:", type(e).__name__)

asyncio.run(main())
