import asyncio

async def child(n, log):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append(f"child {n} cancelled")
        raise

async def parent(log):
    async with asyncio.TaskGroup() as tg:
        for i in range(3):
            tg.create_task(child(i, log))
        await asyncio.sleep(1)

async def main():
    log = []
    p = asyncio.create_task(parent(log))
    await asyncio.sleep(0.01)
    p.cancel("stop the group")
    try:
        await p
    except asyncio.CancelledError as e:
        print("parent cancelled:", p.cancelled(), repr(str(e)))
    print(sorted(log))

asyncio.run(main())
