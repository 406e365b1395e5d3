import asyncio

async def main():
    q = asyncio.Queue(3)
    produced = []
    consumed = []
    async def producer(pid):
        for i in range(4):
            item = pid * 10 + i
            await q.put(item)
            produced.append(item)
            await asyncio.sleep(0.001 * pid)
    async def consumer(cid):
        while True:
            item = await q.get()
            consumed.append(item)
            q.task_done()
            await asyncio.sleep(0.002)
    cs = [asyncio.create_task(consumer(c)) for c in range(2)]
    await asyncio.gather(*(producer(p) for p in range(1, 4)))
    await q.join()
    for c in cs:
        c.cancel()
    await asyncio.gather(*cs, return_exceptions=True)
    print(sorted(produced) == sorted(consumed), len(consumed), q.empty())

asyncio.run(main())
