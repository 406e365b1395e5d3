import asyncio
import contextvars

depth = contextvars.ContextVar("depth", default=0)

async def recurse(n):
    token = depth.set(depth.get() + 1)
    try:
        if n == 0:
            return [depth.get()]
        results = await asyncio.gather(recurse(n - 1), recurse(n - 1))
        return [depth.get()] + [x for r in results for x in r]
    finally:
        depth.reset(token)

async def main():
    print(await recurse(2))
    print("reset back:", depth.get())

asyncio.run(main())
