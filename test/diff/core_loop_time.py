import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    times = []
    for d in (0.02, 0.01, 0.03):
        await asyncio.sleep(d)
        times.append(loop.time() - t0)
    print("monotonic:", times == sorted(times))
    print("at least the sum slept:", times[-1] >= 0.06)
    print("not much more:", times[-1] < 0.5)
    h = loop.call_at(t0 + 10, print)
    print("when() is t0 + 10:", abs(h.when() - t0 - 10) < 1e-6)
    h.cancel()

asyncio.run(main())
