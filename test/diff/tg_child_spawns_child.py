import asyncio

async def leaf(name, delay):
    await asyncio.sleep(delay)
    print("leaf", name, "done")
    return name

async def spawner(tg, depth):
    await asyncio.sleep(0.01)
    print("spawner depth", depth)
    if depth < 3:
        tg.create_task(spawner(tg, depth + 1))
    tg.create_task(leaf(f"L{depth}", 0.01 * depth))
    return depth

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg, 1))
        print("body done; the group keeps accepting tasks while children run")
    print("all spawned tasks finished; elapsed", round(loop.time() - t0, 1))
    # a task created by a child after the group failed is refused
    refused = []
    async def late_spawner(tg):
        try:
            await asyncio.sleep(1)
        finally:
            coro = leaf("late", 0)
            try:
                tg.create_task(coro)
            except RuntimeError:
                coro.close()
                refused.append("late")
    async def fail():
        await asyncio.sleep(0.01)
        raise ValueError("fail")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(late_spawner(tg))
            tg.create_task(fail())
    except ExceptionGroup as eg:
        print("group:", [str(e) for e in eg.exceptions], "refused:", refused)

asyncio.run(main())
