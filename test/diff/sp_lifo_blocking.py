import asyncio

async def main():
    lq = asyncio.LifoQueue()
    out = []
    async def consumer():
        for _ in range(4):
            out.append(await lq.get())
    c = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    lq.put_nowait(1)
    lq.put_nowait(2)
    await asyncio.sleep(0)
    lq.put_nowait(3)
    lq.put_nowait(4)
    await c
    print(out)
    lq2 = asyncio.LifoQueue()
    for i in range(3):
        await lq2.put(i)
    print([await lq2.get() for _ in range(3)])

asyncio.run(main())
