import asyncio

async def main():
    async with asyncio.TaskGroup() as tg:
        victim = tg.create_task(asyncio.sleep(1))
        other = tg.create_task(asyncio.sleep(0.02, "other done"))
        await asyncio.sleep(0.01)
        victim.cancel()
    print("a child cancelled directly is not an error:", victim.cancelled(), other.result())
    log = []
    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            log.append("stubborn ignores the group's cancellation")
            await asyncio.sleep(0.02)
            log.append("stubborn finished its work anyway")
            return "stubborn result"
    async def fail():
        await asyncio.sleep(0.01)
        raise ValueError("fail")
    try:
        async with asyncio.TaskGroup() as tg:
            s = tg.create_task(stubborn())
            tg.create_task(fail())
    except ExceptionGroup as eg:
        log.append(f"group waited for it: {[str(e) for e in eg.exceptions]}")
    print(log, s.result())

asyncio.run(main())
