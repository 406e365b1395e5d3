# switch: T tasks x K bare yields (await asyncio.sleep(0)), round robin.
import asyncio, sys, time
sys.path.insert(0, __file__.rsplit("/", 3)[0])
from harness import report, size

tasks_count = 1000
yields = size(1000)
switches = 0
last = -1
interleaved = 0

async def spinner(id):
    global switches, last, interleaved
    for i in range(yields):
        if last != id:
            interleaved += 1
        last = id
        switches += 1
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(*[asyncio.create_task(spinner(t)) for t in range(tasks_count)])

start = time.perf_counter()
asyncio.run(main())
report((time.perf_counter() - start) * 1000, [switches, interleaved], [tasks_count * yields, tasks_count * yields])
