import asyncio

class Counter:
    def __init__(self):
        self.depth = 0
        self.log = []
    async def __aenter__(self):
        self.depth += 1
        self.log.append(f"in {self.depth}")
        return self.depth
    async def __aexit__(self, *exc):
        self.log.append(f"out {self.depth}")
        self.depth -= 1

async def main():
    c = Counter()
    async with c as a:
        async with c as b:
            async with c as d:
                c.log.append(f"body {a}{b}{d}")
    print(c.log, c.depth)

asyncio.run(main())
