import asyncio

async def inner():
    await asyncio.sleep(10)

async def middle():
    try:
        await asyncio.create_task(inner())
    except asyncio.CancelledError as e:
        print("middle sees:", repr(str(e)))
        raise

async def main():
    t = asyncio.create_task(middle())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel("shutting down")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main sees:", repr(str(e)))
    t2 = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError as e:
        print("no message:", repr(str(e)))
    f = asyncio.get_running_loop().create_future()
    async def wait_f():
        await f
    t3 = asyncio.create_task(wait_f())
    await asyncio.sleep(0)
    f.cancel("future cancelled")
    try:
        await t3
    except asyncio.CancelledError as e:
        print("from future:", repr(str(e)), t3.cancelled())

asyncio.run(main())
