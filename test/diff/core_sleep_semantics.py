import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await asyncio.sleep(0.01, result="r1"))
    print(await asyncio.sleep(-5, "negative acts like zero"))
    order = []
    async def sleeper(name, d):
        await asyncio.sleep(d)
        order.append(name)
    await asyncio.gather(sleeper("c", 0.09), sleeper("a", 0.03), sleeper("b", 0.06), sleeper("zero", 0))
    print(order)
    s = asyncio.create_task(asyncio.sleep(10, "never"))
    await asyncio.sleep(0.01)
    s.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("sleep cancelled midway")
    print("elapsed about", round(loop.time() - t0, 1))
    counter = 0
    async def ticker():
        nonlocal counter
        while True:
            counter += 1
            await asyncio.sleep(0)
    tk = asyncio.create_task(ticker())
    for _ in range(5):
        await asyncio.sleep(0)
    tk.cancel()
    print("ticks during 5 sleep(0):", counter)

asyncio.run(main())
