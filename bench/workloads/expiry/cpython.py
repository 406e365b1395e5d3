# expiry: N concurrent `timeout(0.01)` scopes around a `sleep(1)`, every one expiring,
# its TimeoutError caught. Reported: the overhead, wall time minus the 10 ms deadline.
# Checked: every scope timed out, none early.
import asyncio, sys, time
sys.path.insert(0, __file__.rsplit("/", 3)[0])
from harness import report, size

n = size(100_000)
DEADLINE = 0.01
early = 0

async def waiter():
    global early
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(DEADLINE):
            await asyncio.sleep(1)
    except TimeoutError:
        if loop.time() - start < DEADLINE:
            early += 1
        return 1
    return 0

async def main():
    return sum(await asyncio.gather(*(waiter() for _ in range(n))))

start = time.perf_counter()
expired = asyncio.run(main())
report((time.perf_counter() - start) * 1000 - DEADLINE * 1000, {"expired": expired, "early": early}, {"expired": n, "early": 0})
