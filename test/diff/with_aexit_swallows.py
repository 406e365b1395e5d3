import asyncio

class Suppress:
    def __init__(self, *types):
        self.types = types

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        if exc is None:
            print("aexit: clean")
            return False
        print("aexit saw", type(exc).__name__, str(exc))
        return isinstance(exc, self.types)

async def work(kind):
    async with Suppress(ValueError, ZeroDivisionError) as s:
        print("body", kind, "cm is s:", isinstance(s, Suppress))
        if kind == "value":
            raise ValueError("bad value")
        if kind == "type":
            raise TypeError("bad type")
        print("body finished", kind)
    print("after with", kind)
    return kind

async def main():
    for kind in ["ok", "value", "type"]:
        try:
            print("result", await work(kind))
        except Exception as e:
            print("escaped", type(e).__name__, str(e))

asyncio.run(main())
