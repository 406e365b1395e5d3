import asyncio

class CM:
    def __init__(self, base):
        self.base = base

    async def __aenter__(self):
        print("enter", self.base)
        await asyncio.sleep(0)
        return self.base

    async def __aexit__(self, et, exc, tb):
        print("exit", self.base, "clean:", exc is None)
        return False

class Swallow:
    async def __aenter__(self):
        return None

    async def __aexit__(self, et, exc, tb):
        print("swallow saw", type(exc).__name__)
        return True

async def compute():
    async with CM(10) as base:
        return base + 5

async def early(flag):
    async with CM(20) as base:
        if flag:
            return "early"
        print("not early", base)
    return "late"

async def swallow_then_return():
    async with Swallow():
        raise ValueError("x")
    return "after swallow"

async def nested_return():
    async with CM(1) as a:
        async with CM(2) as b:
            return [a, b]

async def main():
    print("compute ->", await compute())
    print("early(True) ->", await early(True))
    print("early(False) ->", await early(False))
    print("swallow ->", await swallow_then_return())
    print("nested ->", await nested_return())
    t = asyncio.create_task(compute())
    print("as task ->", await t)

asyncio.run(main())
