import asyncio

class Recorder:
    def __init__(self):
        self.seen = []
    async def __aenter__(self):
        return self
    async def __aexit__(self, et, e, tb):
        self.seen.append(None if et is None else et.__name__)
        return et is KeyError

async def main():
    r = Recorder()
    for exc in (None, KeyError("k"), ValueError("v"), asyncio.CancelledError()):
        try:
            async with r:
                if exc is not None:
                    raise exc
            print("clean exit" if exc is None else f"{type(exc).__name__} swallowed")
        except BaseException as e:
            print(type(e).__name__, "propagated")
    print(r.seen)

asyncio.run(main())
