import asyncio

async def main():
    lock = asyncio.Lock()
    order = []
    async def critical(n, d):
        async with lock:
            order.append(f"{n} in")
            await asyncio.sleep(d)
            order.append(f"{n} out")
    await asyncio.gather(critical("a", 0.02), critical("b", 0), critical("c", 0.01))
    print(order)

asyncio.run(main())
