import asyncio

async def stubborn():
    for attempt in range(3):
        try:
            await asyncio.sleep(1)
            print("slept")
        except asyncio.CancelledError:
            print("swallowed cancellation", attempt, "cancelling() =", asyncio.current_task().cancelling())
    return "survived"

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    for i in range(2):
        t.cancel()
        await asyncio.sleep(0)
        await asyncio.sleep(0)
    print("uncancel ->", t.uncancel(), t.uncancel(), t.uncancel())
    print(await t, t.cancelled(), t.cancelling())
    done = asyncio.create_task(asyncio.sleep(0))
    await done
    print("cancel done task:", done.cancel(), done.cancelling())

asyncio.run(main())
