import asyncio

async def work(log):
    try:
        await asyncio.sleep(0.08)
        log.append("work finished")
        return 42
    except asyncio.CancelledError:
        log.append("work cancelled")
        raise

async def main():
    log = []
    inner = asyncio.create_task(work(log))
    async def shielded_caller():
        try:
            return await asyncio.shield(inner)
        except asyncio.CancelledError:
            log.append("caller cancelled inside shield")
            raise
    c = asyncio.create_task(shielded_caller())
    await asyncio.sleep(0.01)
    print("cancel caller:", c.cancel(), "cancel again:", c.cancel())
    await asyncio.gather(c, return_exceptions=True)
    print("inner done?", inner.done())
    print("inner result", await inner)
    print(log)
    w = asyncio.create_task(asyncio.wait_for(asyncio.shield(asyncio.sleep(0.03, "late")), 0.01))
    try:
        await w
    except TimeoutError:
        print("wait_for timed out around a shield")
    await asyncio.sleep(0.03)

asyncio.run(main())
