import asyncio

async def failing_child():
    await asyncio.sleep(0.02)
    raise ValueError("child failed")

async def fails_when_cancelled():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise ValueError("failed during cancellation")

async def slow_child():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("slow child cancelled")
        raise

async def parent():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails_when_cancelled())
            tg.create_task(slow_child())
            await asyncio.sleep(1)
    except BaseException as e:
        print("parent saw", type(e).__name__)
        raise

async def main():
    # The body is cancelled from outside; a child fails while the group winds down.
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.01)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("outside: CancelledError; cancelled():", p.cancelled())
    except BaseExceptionGroup as eg:
        print("outside: group", [str(e) for e in eg.exceptions], "cancelling:", p.cancelling())
    # The child fails first; the body is cancelled by the group, and the parent goes on.
    async def survives():
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(failing_child())
                await asyncio.sleep(1)
        except ExceptionGroup:
            print("handled the group's error")
        await asyncio.sleep(0)
        print("code after the group runs; cancelling():", asyncio.current_task().cancelling())
        return "ok"
    print(await survives())
    # Nested groups: an inner failure propagates as a nested group.
    try:
        async with asyncio.TaskGroup() as outer:
            async def inner_group():
                async with asyncio.TaskGroup() as tg:
                    tg.create_task(failing_child())
            outer.create_task(inner_group())
    except ExceptionGroup as eg:
        print("nested:", type(eg.exceptions[0]).__name__, [str(e) for e in eg.exceptions[0].exceptions])

asyncio.run(main())
