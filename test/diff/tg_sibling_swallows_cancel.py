import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
        return "finished normally"
    except asyncio.CancelledError:
        print("stubborn: swallowing the cancellation, cleaning up")
        await asyncio.sleep(0.02)
        print("stubborn: cleanup done")
        return "swallowed"

async def fail():
    await asyncio.sleep(0.01)
    raise ValueError("trigger")

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            s = tg.create_task(stubborn())
            tg.create_task(fail())
    except ExceptionGroup as eg:
        print("group:", [f"{type(e).__name__}: {e}" for e in eg.exceptions])
    print("stubborn result:", s.result(), "cancelled:", s.cancelled(), "cancelling:", s.cancelling())
    print("group waited for the cleanup: elapsed", round(loop.time() - t0, 2) >= 0.03)

asyncio.run(main())
