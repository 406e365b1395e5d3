import asyncio

async def fails_late():
    await asyncio.sleep(0.02)
    raise ValueError("late failure")

async def ok(n):
    try:
        await asyncio.sleep(0.05)
        return n
    except asyncio.CancelledError:
        print("ok", n, "cancelled by the late failure")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails_late())
            tg.create_task(ok(1))
            print("body finished before any failure")
        print("unreachable")
    except ExceptionGroup as eg:
        print("group:", [str(e) for e in eg.exceptions])

asyncio.run(main())
