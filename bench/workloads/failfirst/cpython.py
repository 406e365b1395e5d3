# failfirst: the round trip of the first failing task: a task raises, its awaiter catches.
import asyncio, sys, time
sys.path.insert(0, __file__.rsplit("/", 3)[0])
from harness import report

async def failing():
    raise ValueError("failed")

async def main():
    start = time.perf_counter()
    caught = 0
    try:
        await asyncio.create_task(failing())
    except ValueError:
        caught += 1
    return (time.perf_counter() - start) * 1000, caught

ms, caught = asyncio.run(main())
report(ms, caught, 1)
