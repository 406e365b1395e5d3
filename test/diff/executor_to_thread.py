import asyncio
import contextvars
import time

request = contextvars.ContextVar("request", default="none")


def slow_square(x, delay):
    time.sleep(delay)
    return x * x


async def ticker(stop):
    n = 0
    while not stop.is_set():
        n += 1
        await asyncio.sleep(0.02)
    return n


async def main():
    loop = asyncio.get_running_loop()
    request.set("r1")
    # Start the pool's threads first, so that only the work is timed.
    await asyncio.gather(*[asyncio.to_thread(slow_square, 0, 0) for _ in range(3)])
    stop = asyncio.Event()
    t = asyncio.create_task(ticker(stop))
    t0 = loop.time()
    results = await asyncio.gather(
        asyncio.to_thread(slow_square, 2, 0.2),
        asyncio.to_thread(slow_square, 3, 0.05),
        asyncio.to_thread(slow_square, 4, 0.1),
    )
    elapsed = loop.time() - t0
    stop.set()
    ticks = await t
    print("results in argument order:", results)
    print("ran side by side:", elapsed < 0.3)
    print("the loop kept ticking:", ticks >= 4)
    print("context in the caller unchanged:", request.get())


asyncio.run(main())
