import asyncio

async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    t0 = loop.time()
    cm = asyncio.timeout(0.1)
    print("before enter: expired", cm.expired(), "when offset", round(cm.when() - t0, 1))
    try:
        async with cm as entered:
            print("aenter returns the Timeout:", entered is cm, "expired:", cm.expired())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("body sees CancelledError; cancelling:", task.cancelling(), "expired:", cm.expired())
                raise
            print("not reached")
    except TimeoutError as e:
        print("TimeoutError caught outside:", type(e).__name__, repr(str(e)), isinstance(e, asyncio.TimeoutError))
    print("elapsed", round(loop.time() - t0, 1), "expired:", cm.expired())
    print("cancelling after:", task.cancelling(), "task cancelled:", task.cancelled())
    await asyncio.sleep(0.01)
    print("next await works")

asyncio.run(main())
