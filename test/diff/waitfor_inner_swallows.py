import asyncio

async def stubborn(label):
    try:
        await asyncio.sleep(1)
        return "not reached"
    except asyncio.CancelledError:
        print(label, "swallows the cancellation")
        await asyncio.sleep(0.02)
        return label + " fallback"

async def fails_on_cancel():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise ValueError("cleanup failed")

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(stubborn("task"))
    t0 = loop.time()
    result = await asyncio.wait_for(t, 0.03)
    print("wait_for returned:", result, "elapsed", round(loop.time() - t0, 1))
    print("task cancelled():", t.cancelled(), "cancelling:", asyncio.current_task().cancelling())
    t = asyncio.create_task(fails_on_cancel())
    try:
        await asyncio.wait_for(t, 0.03)
    except TimeoutError:
        print("wrong: TimeoutError")
    except ValueError as e:
        print("error from the cancelled task wins:", str(e))
    print("cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
