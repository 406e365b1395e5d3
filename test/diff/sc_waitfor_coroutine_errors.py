import asyncio

async def boom(d):
    await asyncio.sleep(d)
    raise LookupError("boom")

async def main():
    try:
        await asyncio.wait_for(boom(0.01), 1)
    except LookupError as e:
        print("coroutine error through wait_for:", e)
    try:
        await asyncio.wait_for(boom(1), 0.01)
    except TimeoutError:
        print("timeout wins over a later error")
    async def returns_none():
        await asyncio.sleep(0)
    print("None result:", await asyncio.wait_for(returns_none(), 1))

asyncio.run(main())
