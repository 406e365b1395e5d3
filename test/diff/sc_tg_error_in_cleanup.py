import asyncio

async def cleanup_fails():
    try:
        await asyncio.sleep(1)
    finally:
        raise LookupError("cleanup failed")

async def trigger():
    await asyncio.sleep(0.01)
    raise ValueError("trigger")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(cleanup_fails())
            tg.create_task(trigger())
    except ExceptionGroup as eg:
        print(sorted(f"{type(e).__name__}: {e}" for e in eg.exceptions))

asyncio.run(main())
