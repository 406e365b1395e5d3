import asyncio

async def main():
    b = asyncio.Barrier(1)
    print([await b.wait() for _ in range(3)], b.n_waiting, b.broken)
    b3 = asyncio.Barrier(3)
    first = asyncio.create_task(b3.wait())
    await asyncio.sleep(0)
    second = asyncio.create_task(b3.wait())
    await asyncio.sleep(0)
    print("two waiting:", b3.n_waiting)
    third = await b3.wait()
    print("indexes:", first.result() if first.done() else "pending", await first, await second, third)

asyncio.run(main())
