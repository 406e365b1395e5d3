import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def consumer(tasks, started):
    got = []
    for i, aw in enumerate(asyncio.as_completed(tasks)):
        if i == 0:
            started.set_result(None)
        try:
            got.append(await aw)
        except asyncio.CancelledError:
            print("waiting for item", i, "was cancelled; going on")
    return got

async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("x", 0.06), ("y", 0.04), ("z", 0.08)]]
    started = loop.create_future()
    c = asyncio.create_task(consumer(tasks, started))
    await started
    await asyncio.sleep(0.02)
    c.cancel()
    print("consumer got:", await c, "cancelled:", c.cancelled())
    await asyncio.gather(*tasks)
    print("jobs not cancelled:", [t.cancelled() for t in tasks], [t.result() for t in tasks])

asyncio.run(main())
