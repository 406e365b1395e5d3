import asyncio

class Guard:
    def __init__(self, swallow_cancel):
        self.swallow_cancel = swallow_cancel

    async def __aenter__(self):
        return self

    async def __aexit__(self, et, exc, tb):
        print("aexit saw", None if exc is None else type(exc).__name__)
        if isinstance(exc, asyncio.CancelledError):
            return self.swallow_cancel
        return False

async def worker(name, swallow, started):
    async with Guard(swallow):
        started.set_result(None)
        await asyncio.sleep(1)
        print("not reached")
    task = asyncio.current_task()
    print(name, "continues after with; cancelling:", task.cancelling())
    await asyncio.sleep(0.01)
    print(name, "slept fine after swallowing")
    return name + " finished"

async def main():
    loop = asyncio.get_running_loop()
    for name, swallow in [("swallower", True), ("propagator", False)]:
        started = loop.create_future()
        t = asyncio.create_task(worker(name, swallow, started))
        await started
        print("cancel returns", t.cancel())
        try:
            print("result:", await t)
        except asyncio.CancelledError:
            print(name, "was cancelled")
        print("cancelled():", t.cancelled(), "cancelling():", t.cancelling())

asyncio.run(main())
