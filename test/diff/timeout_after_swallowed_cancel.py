import asyncio

async def worker():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("worker swallowed a cancel; cancelling:", me.cancelling())
    try:
        async with asyncio.timeout(0.02) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("a later timeout still becomes TimeoutError; cancelling:", me.cancelling())
    me.uncancel()
    print("after uncancel:", me.cancelling())
    try:
        async with asyncio.timeout(0.02):
            await asyncio.sleep(1)
    except TimeoutError:
        print("and again; cancelling:", me.cancelling())
    return "worker done"

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.01)
    t.cancel()
    print(await t)

asyncio.run(main())
