import asyncio

async def fails_later():
    await asyncio.sleep(0.02)
    raise ValueError("inner failed after the shield was cancelled")

async def main():
    inner = asyncio.create_task(fails_later())
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled")
    try:
        await inner
    except ValueError as e:
        print("the inner error is still there to read:", e)
    inner2 = asyncio.create_task(fails_later())
    try:
        await asyncio.shield(inner2)
    except ValueError as e:
        print("without cancellation the error comes through the shield:", e)

asyncio.run(main())
