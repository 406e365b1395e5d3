import asyncio

async def main():
    pq = asyncio.PriorityQueue()
    done = []
    async def worker(name):
        while True:
            prio, job = await pq.get()
            if job is None:
                pq.task_done()
                return
            done.append((name, prio, job))
            await asyncio.sleep(0)
            pq.task_done()
    for prio, job in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "urgent2"), (5, "lowest")]:
        pq.put_nowait((prio, job))
    workers = [asyncio.create_task(worker(f"w{i}")) for i in range(2)]
    await pq.join()
    for _ in workers:
        pq.put_nowait((99, None))
    await asyncio.gather(*workers)
    print(done)

asyncio.run(main())
