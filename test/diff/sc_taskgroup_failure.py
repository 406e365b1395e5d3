import asyncio

cancelled = []

async def worker(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(name + " failed")
        print(name, "done")
        return name
    except asyncio.CancelledError:
        cancelled.append(name)  # a TaskGroup cancels its tasks in set order: sort
        raise

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(worker("a", 0.01))
        b = tg.create_task(worker("b", 0.02))
    print("results", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("x", 0.01, fail=True))
            tg.create_task(worker("y", 0.05))
            tg.create_task(worker("z", 0.02, fail=True))
            await asyncio.sleep(1)
            print("body not reached")
    except* ValueError as eg:
        print("ExceptionGroup:", sorted(str(e) for e in eg.exceptions), "cancelled:", sorted(cancelled))
    print("after group, still running normally")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("p", 0.05))
            raise LookupError("body failed")
    except* LookupError as eg:
        print("body error joins the group:", [str(e) for e in eg.exceptions])
    tg2 = asyncio.TaskGroup()
    async with tg2:
        pass
    try:
        tg2.create_task(worker("late", 0))
    except RuntimeError as e:
        print("after exit:", "is finished" in str(e))

asyncio.run(main())
