import asyncio

async def inner_work():
    print("inner: started")
    await asyncio.sleep(0.03)
    print("inner: finished")
    return "inner result"

async def awaiter(aw):
    try:
        return await asyncio.shield(aw)
    except asyncio.CancelledError:
        print("awaiter: CancelledError")
        raise

async def main():
    inner = asyncio.create_task(inner_work())
    outer = asyncio.create_task(awaiter(inner))
    await asyncio.sleep(0.01)
    print("cancel outer ->", outer.cancel())
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled:", outer.cancelled(), "inner done:", inner.done())
    print("inner result:", await inner, "inner cancelled:", inner.cancelled())
    # shield of a coroutine: the wrapped task keeps running when the awaiter is cancelled
    outer = asyncio.create_task(awaiter(inner_work()))
    await asyncio.sleep(0.01)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled again")
    await asyncio.sleep(0.05)
    print("done waiting")

asyncio.run(main())
