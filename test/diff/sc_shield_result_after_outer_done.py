import asyncio

async def main():
    loop = asyncio.get_running_loop()
    inner = loop.create_future()
    outer = asyncio.shield(inner)
    inner.set_result("value")
    print("shield follows the inner result:", await outer)
    inner2 = loop.create_future()
    outer2 = asyncio.shield(inner2)
    inner2.set_exception(LookupError("inner error"))
    try:
        await outer2
    except LookupError as e:
        print("and its error:", e)
    inner3 = loop.create_future()
    outer3 = asyncio.shield(inner3)
    outer3.cancel()
    inner3.set_result("later")
    await asyncio.sleep(0)
    print("outer cancelled, inner kept its value:", outer3.cancelled(), inner3.result())

asyncio.run(main())
