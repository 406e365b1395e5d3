import asyncio

class SlowEnter:
    async def __aenter__(self):
        print("aenter waiting")
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("aenter cancelled")
            raise
        return self

    async def __aexit__(self, et, exc, tb):
        print("aexit must not run")
        return True

class SlowExit:
    async def __aenter__(self):
        print("enter ok")
        return self

    async def __aexit__(self, et, exc, tb):
        print("aexit waiting, body clean:", exc is None)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("aexit cancelled")
            raise
        return True

async def use(cm):
    async with cm:
        print("body runs")
    print("after with (not reached)")

async def main():
    for cm in [SlowEnter(), SlowExit()]:
        t = asyncio.create_task(use(cm))
        await asyncio.sleep(0.01)
        t.cancel()
        try:
            await t
        except asyncio.CancelledError:
            print("task cancelled:", t.cancelled())

asyncio.run(main())
