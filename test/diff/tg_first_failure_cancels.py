import asyncio

async def sibling(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "finally")

async def failing(delay):
    await asyncio.sleep(delay)
    print("failing now")
    raise ValueError("child failed")

async def main():
    tasks = {}
    try:
        async with asyncio.TaskGroup() as tg:
            tasks["quick"] = tg.create_task(sibling("quick", 0.01))
            tasks["slow1"] = tg.create_task(sibling("slow1", 1))
            tasks["bad"] = tg.create_task(failing(0.03))
            try:
                await asyncio.sleep(1)
                print("body not reached")
            except asyncio.CancelledError:
                print("body cancelled by the group")
                raise
    except ExceptionGroup as eg:
        print("group:", eg.message, len(eg.exceptions))
        print(sorted(f"{type(e).__name__}: {e}" for e in eg.exceptions))
    for name, t in tasks.items():
        print(name, "cancelled" if t.cancelled() else ("error" if t.exception() else "ok"))
    print("main cancelling:", asyncio.current_task().cancelling())
    await asyncio.sleep(0.01)
    print("main goes on")

asyncio.run(main())
