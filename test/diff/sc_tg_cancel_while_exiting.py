import asyncio

async def slow(log):
    try:
        await asyncio.sleep(0.05)
        log.append("slow finished")
    except asyncio.CancelledError:
        log.append("slow cancelled")
        raise

async def parent(log):
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow(log))
            log.append("body done, waiting in exit")
    except asyncio.CancelledError:
        log.append("parent cancelled while the group waited")
        raise

async def main():
    log = []
    p = asyncio.create_task(parent(log))
    await asyncio.sleep(0.01)
    p.cancel()
    await asyncio.gather(p, return_exceptions=True)
    print(log, p.cancelled())

asyncio.run(main())
