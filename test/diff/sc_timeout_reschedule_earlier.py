import asyncio

async def main():
    loop = asyncio.get_running_loop()
    log = []
    async def watcher(cm):
        await asyncio.sleep(0.01)
        log.append("moving the deadline to now")
        cm.reschedule(loop.time())
    try:
        async with asyncio.timeout(10) as cm:
            asyncio.create_task(watcher(cm))
            await asyncio.sleep(1)
    except TimeoutError:
        log.append("TimeoutError soon after")
    print(log, "expired:", cm.expired())
    async with asyncio.timeout(0.01) as cm2:
        cm2.reschedule(None)
        await asyncio.sleep(0.02)
    print("disabled before it fired; expired:", cm2.expired(), "when:", cm2.when())

asyncio.run(main())
