# spawn: create N tasks whose coroutine returns at once, and gather them.
import asyncio, sys, time
sys.path.insert(0, __file__.rsplit("/", 3)[0])
from harness import report, size

n = size(100_000)

async def child(i):
    return i

async def main():
    tasks = [asyncio.create_task(child(i)) for i in range(n)]
    results = await asyncio.gather(*tasks)
    return sum(results)

start = time.perf_counter()
total = asyncio.run(main())
report((time.perf_counter() - start) * 1000, total, n * (n - 1) // 2)
