# failures: N failing tasks, one after another, each awaited and its error caught.
import asyncio, sys, time
sys.path.insert(0, __file__.rsplit("/", 3)[0])
from harness import report, size

n = size(10_000)

async def failing(i):
    raise ValueError(i)

async def main():
    caught = 0
    for i in range(n):
        try:
            await asyncio.create_task(failing(i))
        except ValueError:
            caught += 1
    return caught

start = time.perf_counter()
total = asyncio.run(main())
report((time.perf_counter() - start) * 1000, total, n)
