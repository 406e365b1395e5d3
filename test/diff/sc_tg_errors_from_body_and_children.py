import asyncio

async def fail(msg, d):
    await asyncio.sleep(d)
    raise ValueError(msg)

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("child", 0.01))
            await asyncio.sleep(0.005)
            raise LookupError("body")
    except ExceptionGroup as eg:
        print(sorted(f"{type(e).__name__}:{e}" for e in eg.exceptions))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("child first", 0.005))
            try:
                await asyncio.sleep(0.05)
            except asyncio.CancelledError:
                raise LookupError("body raised while cancelled")
    except ExceptionGroup as eg:
        print(sorted(f"{type(e).__name__}:{e}" for e in eg.exceptions))

asyncio.run(main())
