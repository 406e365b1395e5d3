import asyncio

async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("inner swallows")
        return "inner result"

async def outer(t):
    r = await t
    print("outer got", r, "cancelling():", asyncio.current_task().cancelling())
    await asyncio.sleep(0)
    return "outer finished"

async def main():
    t = asyncio.create_task(inner())
    o = asyncio.create_task(outer(t))
    await asyncio.sleep(0)
    print("cancel outer:", o.cancel())
    print(await o, o.cancelled(), t.cancelled())

asyncio.run(main())
