import asyncio

async def save(log):
    await asyncio.sleep(0.03)
    log.append("saved")
    return "ok"

async def main():
    log = []
    task = asyncio.create_task(save(log))
    try:
        async with asyncio.timeout(0.01):
            await asyncio.shield(task)
    except TimeoutError:
        log.append("caller timed out")
    print(log, "task still running:", not task.done())
    print(await task, log)

asyncio.run(main())
