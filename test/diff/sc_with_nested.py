import asyncio

class CM:
    def __init__(self, name, log):
        self.name, self.log = name, log
    async def __aenter__(self):
        self.log.append("enter " + self.name)
        return self.name
    async def __aexit__(self, et, e, tb):
        self.log.append("exit " + self.name + (" with " + type(e).__name__ if e else ""))
        return False

async def main():
    log = []
    async with CM("outer", log) as a:
        async with CM("inner", log) as b:
            log.append(f"body {a} {b}")
    print(log)
    log.clear()
    try:
        async with CM("outer", log):
            async with CM("inner", log):
                raise KeyError("k")
    except KeyError:
        log.append("caught")
    print(log)

asyncio.run(main())
