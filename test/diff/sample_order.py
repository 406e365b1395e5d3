import asyncio

async def worker(name, n):
    for i in range(n):
        print(name, "step", i)
        await asyncio.sleep(0)
    return name * 2

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "callback 1")
    t1 = asyncio.create_task(worker("a", 3))
    loop.call_soon(print, "callback 2")
    t2 = asyncio.create_task(worker("b", 2))
    print("created")
    results = await asyncio.gather(t1, t2)
    print("results", results)

asyncio.run(main())
