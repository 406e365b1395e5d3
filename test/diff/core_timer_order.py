import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    log = []
    loop.call_later(0.03, log.append, "later 0.03")
    loop.call_later(0.01, log.append, "later 0.01")
    h = loop.call_later(0.02, log.append, "cancelled 0.02")
    loop.call_at(t0 + 0.015, log.append, "at 0.015")
    loop.call_soon(log.append, "soon")
    h.cancel()
    print("cancelled?", h.cancelled())
    await asyncio.sleep(0.05)
    print(log)
    def chain(n):
        log.append("chain %d" % n)
        if n < 3:
            loop.call_later(0, chain, n + 1)
    log.clear()
    loop.call_soon(chain, 0)
    loop.call_soon(log.append, "after chain start")
    await asyncio.sleep(0.02)
    print(log)

asyncio.run(main())
