import asyncio

async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    log = []
    async def waiter():
        await ev.wait()
        log.append("waiter woke")
    t = asyncio.create_task(waiter())
    loop.call_later(0.01, ev.set)
    loop.call_later(0.01, log.append, "timer after set")
    await t
    log.append("main resumed")
    print(log)
    q = asyncio.Queue()
    loop.call_soon(q.put_nowait, "from a callback")
    print(await q.get())

asyncio.run(main())
