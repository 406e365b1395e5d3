import asyncio

class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("aenter start", self.name)
        await asyncio.sleep(0)
        print("aenter end", self.name)
        return self.name + "-value"

    async def __aexit__(self, exc_type, exc, tb):
        print("aexit start", self.name, "exc is None:", exc is None)
        await asyncio.sleep(0)
        print("aexit end", self.name)
        return False

async def ticker():
    for i in range(7):
        print("tick", i)
        await asyncio.sleep(0)

async def main():
    t = asyncio.create_task(ticker())
    async with Resource("r") as v:
        print("body got", v)
        await asyncio.sleep(0)
        print("body end")
    print("after with")
    await t
    print("ticker done")

asyncio.run(main())
