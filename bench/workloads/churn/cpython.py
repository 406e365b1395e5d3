# timeout churn: N `timeout(10)` scopes entered and left around a bare yield, none
# expiring. Checked: the timer heap is bounded at the end (cancelled timers compacted).
import asyncio, sys, time
sys.path.insert(0, __file__.rsplit("/", 3)[0])
from harness import report, size

n = size(1_000_000)

async def main():
    loop = asyncio.get_running_loop()
    max_heap = 0
    for i in range(n):
        async with asyncio.timeout(10):
            await asyncio.sleep(0)
        if i & 1023 == 0:
            max_heap = max(max_heap, len(loop._scheduled))
    return max_heap

start = time.perf_counter()
max_heap = asyncio.run(main())
report((time.perf_counter() - start) * 1000, {"scopes": n, "heapBounded": max_heap <= 1000}, {"scopes": n, "heapBounded": True})
