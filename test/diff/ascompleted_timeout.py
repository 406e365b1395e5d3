import asyncio

async def job(name, delay):
    try:
        await asyncio.sleep(delay)
        return name
    finally:
        print("job", name, "finally")

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("slow", 0.2), ("fast", 0.01), ("medium", 0.15)]]
    n = 0
    for aw in asyncio.as_completed(tasks, timeout=0.07):
        n += 1
        try:
            print("got", await aw)
        except TimeoutError as e:
            print("item", n, "TimeoutError", repr(str(e)), "at", round(loop.time() - t0, 1))
    print("remaining still running:", sorted(not t.done() for t in tasks))
    for t in tasks:
        t.cancel()
    await asyncio.sleep(0)
    print("cancelled:", [t.cancelled() for t in tasks])
    # no timeout hit: all items complete
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("x", 0.02), ("y", 0.01)]]
    print([await aw for aw in asyncio.as_completed(tasks, timeout=0.2)])

asyncio.run(main())
