import asyncio

async def swallower():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("swallower: ignoring cancellation")
    return "swallowed"

async def normal():
    await asyncio.sleep(10)

async def main():
    g = asyncio.gather(swallower(), normal(), return_exceptions=True)
    await asyncio.sleep(0)
    print("cancel:", g.cancel())
    try:
        r = await g
        print("result", r)
    except asyncio.CancelledError:
        print("gather still raises CancelledError")
    g2 = asyncio.gather(swallower())
    await asyncio.sleep(0)
    g2.cancel()
    try:
        print("only child swallowed:", await g2)
    except asyncio.CancelledError:
        print("gather of one swallowing child raises CancelledError")

asyncio.run(main())
