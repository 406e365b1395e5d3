# A TaskGroup whose child fails cancels its siblings: the future a sibling waits on
# is cancelled (in TypeScript, wrapPromise's signal aborts, where Python's done
# callback sees the future cancelled). One sibling only: Python's TaskGroup cancels its
# tasks in the order of a set.
import asyncio

async def waiter(name):
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print(name, "future aborted:", f.cancelled()))
    try:
        await fut
    finally:
        print(name, "finally")

async def failing():
    await asyncio.sleep(0.01)
    raise ValueError("boom")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(waiter("w1"))
            tg.create_task(failing())
    except* ValueError as eg:
        print("group failed:", [str(e) for e in eg.exceptions])

asyncio.run(main())
