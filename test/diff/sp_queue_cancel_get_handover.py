import asyncio

async def main():
    # From test_queues: a getter woken by put but cancelled before it runs hands the item on.
    q = asyncio.Queue()
    g1 = asyncio.create_task(q.get())
    g2 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait("item")
    g1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("g1 cancelled:", g1.cancelled(), "g2 got:", g2.done() and g2.result(), "qsize:", q.qsize())
    # Cancelling every getter leaves the items in place.
    q2 = asyncio.Queue()
    gs = [asyncio.create_task(q2.get()) for _ in range(3)]
    await asyncio.sleep(0)
    q2.put_nowait(1); q2.put_nowait(2)
    for g in gs:
        g.cancel()
    res = await asyncio.gather(*gs, return_exceptions=True)
    print([type(r).__name__ if isinstance(r, BaseException) else r for r in res], "left:", q2.qsize())

asyncio.run(main())
