import asyncio

async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled because the body failed")
        raise

async def main():
    tasks = []
    try:
        async with asyncio.TaskGroup() as tg:
            tasks.append(tg.create_task(child("short", 0.01)))
            tasks.append(tg.create_task(child("long", 1)))
            await asyncio.sleep(0.03)
            raise ValueError("body failed")
    except ExceptionGroup as eg:
        print("group of", len(eg.exceptions), [f"{type(e).__name__}: {e}" for e in eg.exceptions])
    print("children:", ["cancelled" if t.cancelled() else "ok" for t in tasks])
    # a body error without any await: the children never start
    try:
        async with asyncio.TaskGroup() as tg:
            t = tg.create_task(child("never started", 1))
            raise KeyError("body key")
    except ExceptionGroup as eg:
        print("second group:", sorted(type(e).__name__ for e in eg.exceptions), "child cancelled:", t.cancelled())
    # the body error comes last, after children errors
    async def boom():
        raise TypeError("child type")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                raise RuntimeError("body replaced its cancellation")
    except ExceptionGroup as eg:
        print("third group:", [f"{type(e).__name__}: {e}" for e in eg.exceptions])
    print("cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
