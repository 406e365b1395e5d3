# timers: N concurrent sleeps with seeded delays in [0, 0.5] s. Reported: the overhead,
# wall time minus the longest delay. Checked: every sleep fired, none early.
import asyncio, sys, time
sys.path.insert(0, __file__.rsplit("/", 3)[0])
from harness import report, seeded_delays, size

delays = seeded_delays(size(100_000), 0.5)
early = 0

async def sleeper(delay):
    global early
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(delay)
    if loop.time() - start < delay:
        early += 1

async def main():
    await asyncio.gather(*(sleeper(d) for d in delays))

start = time.perf_counter()
asyncio.run(main())
wall = (time.perf_counter() - start) * 1000
report(wall - max(delays) * 1000, {"fired": len(delays), "early": early}, {"fired": len(delays), "early": 0})
