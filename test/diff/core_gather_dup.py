import asyncio

calls = 0
async def counted(x):
    global calls
    calls += 1
    await asyncio.sleep(0)
    return x

async def main():
    loop = asyncio.get_running_loop()
    c = counted(1)
    res = await asyncio.gather(c, c, counted(2))
    print(res, "calls:", calls)
    t = asyncio.create_task(counted(3))
    f = loop.create_future()
    loop.call_soon(f.set_result, "f")
    print(await asyncio.gather(t, f, t, f), "calls:", calls)
    inner = asyncio.gather(counted(4), counted(5))
    outer = await asyncio.gather(inner, counted(6), asyncio.gather())
    print(outer)

asyncio.run(main())
