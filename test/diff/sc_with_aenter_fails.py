import asyncio

class FailingEnter:
    async def __aenter__(self):
        await asyncio.sleep(0)
        raise ConnectionError("cannot enter")
    async def __aexit__(self, *a):
        print("aexit must not run when aenter failed")

class SuspendingExit:
    async def __aenter__(self):
        return self
    async def __aexit__(self, et, e, tb):
        await asyncio.sleep(0.01)
        print("slow aexit finished; saw", type(e).__name__ if e else None)
        return True

async def main():
    try:
        async with FailingEnter():
            print("body must not run")
    except ConnectionError as e:
        print("aenter error:", e)
    async with SuspendingExit():
        raise RuntimeError("swallowed after an async exit")
    print("continued")

asyncio.run(main())
