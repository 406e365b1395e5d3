import asyncio

async def returns(v):
    await asyncio.sleep(0)
    return v

async def no_return():
    await asyncio.sleep(0)

async def main():
    print(await returns([1, [2, 3]]), await returns("s"), await returns(None), await no_return())
    print(await asyncio.gather(returns(True), returns(False), no_return()))
    t = asyncio.create_task(no_return())
    await t
    print("result of a coroutine without return:", t.result())

asyncio.run(main())
