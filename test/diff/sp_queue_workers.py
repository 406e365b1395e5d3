# The worker-pool example of the asyncio docs, with fixed work times.
import asyncio

async def worker(name, queue, log):
    while True:
        sleep_for = await queue.get()
        await asyncio.sleep(sleep_for)
        queue.task_done()
        log.append(f"{name} slept {sleep_for}")

async def main():
    queue = asyncio.Queue()
    for d in [0.03, 0.01, 0.02, 0.01, 0.04, 0.02]:
        queue.put_nowait(d)
    log = []
    tasks = [asyncio.create_task(worker(f"worker-{i}", queue, log)) for i in range(3)]
    await queue.join()
    print("joined with", queue.qsize(), "left")
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in results])
    print("\n".join(log))

asyncio.run(main())
