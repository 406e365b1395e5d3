import asyncio

async def main():
    q = asyncio.Queue(2)
    log = []
    async def producer():
        for i in range(5):
            await q.put(i)
            log.append("put %d (size %d)" % (i, q.qsize()))
        await q.put(None)
    async def consumer():
        while True:
            item = await q.get()
            q.task_done()
            if item is None:
                break
            log.append("got %d" % item)
            await asyncio.sleep(0)
    await asyncio.gather(producer(), consumer())
    print("\n".join(log))
    print("empty:", q.empty(), "full:", q.full(), "maxsize:", q.maxsize)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q.put_nowait(1); q.put_nowait(2)
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull")
    print(q.get_nowait(), q.get_nowait())
    q.task_done(); q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    await q.join()
    print("join returns at once when all done")
    u = asyncio.Queue(-1)
    for i in range(100):
        u.put_nowait(i)
    print("negative maxsize is unbounded:", u.full(), u.qsize())
    # a cancelled get loses no item
    g = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait("item")
    g.cancel()
    await asyncio.gather(g, return_exceptions=True)
    print("item still there:", q.qsize(), q.get_nowait() if g.cancelled() else "taken by getter")

asyncio.run(main())
