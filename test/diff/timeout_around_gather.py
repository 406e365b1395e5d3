import asyncio

async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "done")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "finally")

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = []
    try:
        async with asyncio.timeout(0.07) as cm:
            tasks = [asyncio.create_task(child(n, d)) for n, d in [("fast", 0.01), ("slow", 1), ("slower", 2)]]
            await asyncio.gather(*tasks)
    except TimeoutError:
        print("TimeoutError at", round(loop.time() - t0, 1))
    print("states:", [("cancelled" if t.cancelled() else t.result()) if t.done() else "pending" for t in tasks])
    await asyncio.sleep(0)
    print("states after one more iteration:", [("cancelled" if t.cancelled() else t.result()) if t.done() else "pending" for t in tasks])

asyncio.run(main())
