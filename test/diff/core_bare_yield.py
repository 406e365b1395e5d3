import asyncio, types

@types.coroutine
def bare_yield():
    yield

async def spinner(name, n):
    for i in range(n):
        print(name, i)
        await bare_yield()
    return n

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "callback before tasks")
    a = asyncio.create_task(spinner("a", 3))
    b = asyncio.create_task(spinner("b", 2))
    loop.call_soon(print, "callback after tasks")
    await bare_yield()
    print("main resumed once")
    print(await a + await b)

asyncio.run(main())
