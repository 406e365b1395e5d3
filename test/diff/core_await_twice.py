import asyncio

async def compute():
    print("computing once")
    await asyncio.sleep(0)
    return 7

async def main():
    t = asyncio.create_task(compute())
    a = await t
    b = await t
    print(a, b)
    results = await asyncio.gather(*(asyncio.wait_for(t, None) for _ in range(3)))
    print(results)
    fut = asyncio.get_running_loop().create_future()
    async def reader(i):
        return (i, await fut)
    readers = [asyncio.create_task(reader(i)) for i in range(3)]
    await asyncio.sleep(0)
    fut.set_result("shared")
    print(await asyncio.gather(*readers))

asyncio.run(main())
