import asyncio

async def leaf(x):
    await asyncio.sleep(0)
    return x * 2

async def nothing():
    await asyncio.sleep(0)

async def level2(x):
    a = await leaf(x)
    b = await leaf(a)
    print("level2", x, "->", a, b)
    return [a, b]

async def level1(x):
    pair = await level2(x)
    t = asyncio.create_task(level2(x + 1))
    other = await t
    n = await nothing()
    print("level1 nothing returned", n)
    return pair + other

async def no_await(x):
    return x + 100

async def deep(n):
    if n == 0:
        await asyncio.sleep(0)
        return "bottom"
    r = await deep(n - 1)
    return r + "<" + str(n)

async def main():
    r = await level1(1)
    print("level1 result", r)
    print("no await:", await no_await(1))
    t = asyncio.create_task(no_await(2))
    print("task no await:", await t, t.result())
    print("deep:", await deep(5))
    print("deep task:", await asyncio.create_task(deep(3)))
    results = await asyncio.gather(level1(10), deep(2), no_await(0), nothing())
    print("gathered:", results)
    return "main value"

print("run returned:", asyncio.run(main()))
