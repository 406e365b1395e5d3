import asyncio

async def child():
    task = asyncio.current_task()
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("child timed out; cancelling:", task.cancelling())
    return "child ok"

async def main():
    task = asyncio.current_task()
    for i in range(3):
        try:
            async with asyncio.timeout(0.01):
                await asyncio.sleep(1)
        except TimeoutError:
            print("round", i, "timed out; cancelling:", task.cancelling())
    async with asyncio.timeout(0.01) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("inside: cancelling", task.cancelling(), "expired", cm.expired())
    print("swallowed inside, no TimeoutError: cancelling", task.cancelling(), "expired", cm.expired())
    t = asyncio.create_task(child())
    print(await t, "child cancelling:", t.cancelling(), "cancelled:", t.cancelled())
    # a later timeout still works after all of that
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("final timeout works; cancelling:", task.cancelling())

asyncio.run(main())
