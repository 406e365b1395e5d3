# queue: one producer and one consumer pass N items through asyncio.Queue(100).
import asyncio, sys, time
sys.path.insert(0, __file__.rsplit("/", 3)[0])
from harness import report, size

n = size(1_000_000)

async def producer(queue):
    for i in range(n):
        await queue.put(i)

async def consumer(queue):
    total = 0
    for _ in range(n):
        total += await queue.get()
    return total

async def main():
    queue = asyncio.Queue(100)
    _, total = await asyncio.gather(producer(queue), consumer(queue))
    return total

start = time.perf_counter()
total = asyncio.run(main())
report((time.perf_counter() - start) * 1000, total, n * (n - 1) // 2)
