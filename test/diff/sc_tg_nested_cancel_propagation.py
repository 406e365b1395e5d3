import asyncio

async def leaf(name, log):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append(name)
        raise

async def middle(log):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf("m1", log))
        tg.create_task(leaf("m2", log))

async def failing():
    await asyncio.sleep(0.01)
    raise ValueError("root failure")

async def main():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(middle(log))
            tg.create_task(leaf("top", log))
            tg.create_task(failing())
    except ExceptionGroup as eg:
        print("group:", [str(e) for e in eg.exceptions])
    print("cancelled everywhere:", sorted(log))

asyncio.run(main())
