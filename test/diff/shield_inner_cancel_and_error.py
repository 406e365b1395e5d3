import asyncio

async def sleeper():
    await asyncio.sleep(1)

async def failer():
    await asyncio.sleep(0.01)
    raise ValueError("inner failed")

async def main():
    inner = asyncio.create_task(sleeper())
    s = asyncio.shield(inner)
    await asyncio.sleep(0)
    inner.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("inner cancelled directly -> shield cancelled:", s.cancelled(), inner.cancelled())
    inner = asyncio.create_task(failer())
    try:
        await asyncio.shield(inner)
    except ValueError as e:
        print("inner error comes through:", str(e))
    # cancelling the shield future itself leaves the inner alone
    inner = asyncio.create_task(asyncio.sleep(0.02, "inner value"))
    s = asyncio.shield(inner)
    print("cancel shield ->", s.cancel(), "shield cancelled:", s.cancelled(), "inner cancelled:", inner.cancelled())
    print("inner still finishes:", await inner)
    print("cancel a done shield ->", s.cancel())

asyncio.run(main())
