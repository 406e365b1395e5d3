import asyncio

async def main():
    q = asyncio.Queue(1)
    q.put_nowait("first")
    order = []
    async def putter(x):
        await q.put(x)
        order.append("put " + x)
    ps = [asyncio.create_task(putter(x)) for x in "abc"]
    await asyncio.sleep(0)
    print("qsize", q.qsize(), "full", q.full())
    items = []
    for _ in range(4):
        items.append(await q.get())
        await asyncio.sleep(0)
    await asyncio.gather(*ps)
    print(items, order)
    # A cancelled putter passes its wake-up on.
    q2 = asyncio.Queue(1)
    q2.put_nowait(0)
    p1 = asyncio.create_task(q2.put(1))
    p2 = asyncio.create_task(q2.put(2))
    await asyncio.sleep(0)
    q2.get_nowait()
    p1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("p1 cancelled:", p1.cancelled(), "p2 done:", p2.done(), "queue:", q2.get_nowait())

asyncio.run(main())
