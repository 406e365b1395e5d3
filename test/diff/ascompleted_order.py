import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    print("job", name, "finishing")
    return name

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("c", 0.06), ("a", 0.02), ("d", 0.08), ("b", 0.04)]]
    order = []
    for i, next_done in enumerate(asyncio.as_completed(tasks)):
        result = await next_done
        print("item", i, "->", result)
        order.append(result)
    print("completion order:", order, "elapsed", round(loop.time() - t0, 1))
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "future")
    t = asyncio.create_task(job("task", 0.03))
    print([await c for c in asyncio.as_completed([t, fut])])

asyncio.run(main())
