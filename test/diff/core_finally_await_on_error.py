import asyncio

async def with_cleanup(fail):
    try:
        await asyncio.sleep(0)
        if fail:
            raise ValueError("body failed")
        return "ok"
    finally:
        print("cleanup starts")
        await asyncio.sleep(0.01)
        print("cleanup ends")

async def main():
    print(await with_cleanup(False))
    try:
        await with_cleanup(True)
    except ValueError as e:
        print("propagated after async cleanup:", e)
    t = asyncio.create_task(with_cleanup(False))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled, cleanup ran fully")

asyncio.run(main())
