import asyncio

async def main():
    q = asyncio.Queue()
    got = []
    async def getter(n):
        got.append((n, await q.get()))
    gs = [asyncio.create_task(getter(i)) for i in range(3)]
    await asyncio.sleep(0)
    q.put_nowait("x")
    print("put_nowait wakes one getter; done now:", [g.done() for g in gs])
    await asyncio.sleep(0)
    print("after a turn:", [g.done() for g in gs], got)
    q.put_nowait("y"); q.put_nowait("z")
    await asyncio.gather(*gs)
    print(got)
    b = asyncio.Queue(2)
    b.put_nowait(1); b.put_nowait(2)
    p = asyncio.create_task(b.put(3))
    await asyncio.sleep(0)
    print("get_nowait wakes the putter:", b.get_nowait(), p.done())
    await asyncio.sleep(0)
    print(p.done(), [b.get_nowait() for _ in range(b.qsize())])

asyncio.run(main())
