import asyncio

class CM:
    def __init__(self, name, swallow=False, fail_enter=False):
        self.name = name
        self.swallow = swallow
        self.fail_enter = fail_enter

    async def __aenter__(self):
        await asyncio.sleep(0)
        if self.fail_enter:
            print("enter fails", self.name)
            raise ValueError("cannot enter " + self.name)
        print("enter", self.name)
        return self.name

    async def __aexit__(self, et, exc, tb):
        await asyncio.sleep(0)
        print("exit", self.name, None if exc is None else type(exc).__name__ + ":" + str(exc))
        return self.swallow

async def main():
    async with CM("a") as a, CM("b", swallow=True) as b, CM("c") as c:
        print("body", a, b, c)
        raise KeyError("k")
    print("after first")
    try:
        async with CM("a") as a, CM("b", fail_enter=True) as b, CM("c") as c:
            print("body must not run")
    except ValueError as e:
        print("caught", str(e))
    try:
        async with CM("x") as x, CM("y") as y:
            raise ValueError("body")
    except ValueError as e:
        print("caught", str(e))

asyncio.run(main())
