import asyncio

async def fail_at(msg, d):
    await asyncio.sleep(d)
    raise ValueError(msg)

async def fail_on_cancel():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        await asyncio.sleep(0.01)
        raise LookupError("failed during abort")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_at("first", 0.01))
            tg.create_task(fail_on_cancel())
            tg.create_task(fail_at("never happens", 0.5))
    except ExceptionGroup as eg:
        print(sorted(f"{type(e).__name__}:{e}" for e in eg.exceptions))

asyncio.run(main())
