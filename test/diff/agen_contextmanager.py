import asyncio
import contextlib

@contextlib.asynccontextmanager
async def opened(name, swallow=False):
    await asyncio.sleep(0)
    print("enter", name)
    try:
        yield name.upper()
    except ValueError as e:
        print("cm saw", e)
        if not swallow:
            raise
    finally:
        await asyncio.sleep(0)
        print("exit", name)

@contextlib.asynccontextmanager
async def no_yield():
    if False:
        yield

@contextlib.asynccontextmanager
async def two_yields():
    yield 1
    yield 2

async def main():
    async with opened("db") as handle:
        print("body got", handle)
    try:
        async with opened("file") as handle:
            raise ValueError("body failed")
    except ValueError as e:
        print("propagated", e)
    async with opened("sock", swallow=True) as handle:
        raise ValueError("swallowed")
    print("after swallowed")
    try:
        async with opened("net") as handle:
            raise KeyError("other")
    except KeyError as e:
        print("KeyError passed through", e)
    try:
        async with no_yield():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with two_yields():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
