import asyncio

async def main():
    q = asyncio.Queue()
    got = []
    async def consumer(name):
        while True:
            item = await q.get()
            if item is None:
                return
            got.append((name, item))
    cs = [asyncio.create_task(consumer(f"c{i}")) for i in range(3)]
    await asyncio.sleep(0)
    for i in range(6):
        q.put_nowait(i)
    await asyncio.sleep(0)
    for _ in cs:
        q.put_nowait(None)
    await asyncio.gather(*cs)
    print(got)
    lq = asyncio.LifoQueue(2)
    await lq.put("a"); await lq.put("b")
    blocked = asyncio.create_task(lq.put("c"))
    await asyncio.sleep(0)
    print("full:", lq.full(), "put blocked:", not blocked.done())
    print(await lq.get())
    await blocked
    print([lq.get_nowait() for _ in range(lq.qsize())])

asyncio.run(main())
