import asyncio

async def main():
    tasks = [asyncio.create_task(asyncio.sleep(d, d)) for d in (0.01, 1)]
    try:
        async with asyncio.timeout(0.03):
            await asyncio.wait(tasks)
    except TimeoutError:
        print("timeout around wait(); done:", [t.done() for t in tasks], "the slow task is not cancelled:", not tasks[1].cancelled())
    tasks[1].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    ev = asyncio.Event()
    try:
        async with asyncio.timeout(0.01):
            await ev.wait()
    except TimeoutError:
        print("timeout around event.wait()")
    q = asyncio.Queue()
    try:
        async with asyncio.timeout(0.01):
            await q.get()
    except TimeoutError:
        print("timeout around queue.get(); getters:", len(q._getters))

asyncio.run(main())
