import asyncio

async def main():
    loop = asyncio.get_running_loop()
    slots = [loop.create_future() for _ in range(5)]
    async def producer():
        for i, f in enumerate(slots):
            await asyncio.sleep(0.005 * (5 - i))
            f.set_result(i * i)
            print("produced", i)
    async def consumer():
        total = 0
        for f in slots:
            total += await f
            print("consumed", f.result())
        return total
    p = asyncio.create_task(producer())
    print("total", await consumer())
    await p

asyncio.run(main())
