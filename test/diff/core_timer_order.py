import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    log = []
    loop.call_later(0.06, log.append, "later 0.06")
    loop.call_later(0.02, log.append, "later 0.02")
    h = loop.call_later(0.03, log.append, "cancelled 0.03")
    loop.call_at(t0 + 0.04, log.append, "at 0.04")
    loop.call_soon(log.append, "soon")
    h.cancel()
    print("cancelled?", h.cancelled())
    await asyncio.sleep(0.08)
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
