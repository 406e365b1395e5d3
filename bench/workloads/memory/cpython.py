# memory: N tasks each suspended in asyncio.sleep(10); bytes per suspended task as
# tracemalloc counts them (Python's allocations, the interpreter's own view of its heap).
import asyncio, gc, sys, tracemalloc
sys.path.insert(0, __file__.rsplit("/", 3)[0])
from harness import report_memory, size

n = size(100_000)
started = 0

async def sleeper():
    global started
    started += 1
    await asyncio.sleep(10)

async def main():
    tasks = [None] * n
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(n):
        tasks[i] = asyncio.create_task(sleeper())
    await asyncio.sleep(0)  # every task has run its first step and is suspended in its sleep
    gc.collect()
    nbytes = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    pending = sum(1 for t in tasks if not t.done())
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return nbytes, pending

nbytes, pending = asyncio.run(main())
report_memory(nbytes / n, {"started": started, "pending": pending}, {"started": n, "pending": n})
