# lock: T tasks x K acquire/release of one asyncio.Lock, yielding inside the critical
# section; a read-yield-write counter proves no update was lost.
import asyncio, sys, time
sys.path.insert(0, __file__.rsplit("/", 3)[0])
from harness import report, size

tasks_count = 100
rounds = size(10_000)
counter = 0

async def worker(lock):
    global counter
    for _ in range(rounds):
        await lock.acquire()
        seen = counter
        await asyncio.sleep(0)
        counter = seen + 1
        lock.release()

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*[asyncio.create_task(worker(lock)) for _ in range(tasks_count)])

start = time.perf_counter()
asyncio.run(main())
report((time.perf_counter() - start) * 1000, counter, tasks_count * rounds)
