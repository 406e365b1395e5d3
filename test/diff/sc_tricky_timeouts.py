import asyncio

async def main():
    loop = asyncio.get_running_loop()
    # A timeout expiring at the same moment the inner work finishes.
    fut = loop.create_future()
    try:
        async with asyncio.timeout(0) as cm:
            fut.set_result("done")
            print("inner finished:", await fut)
        print("no TimeoutError: the body never yielded; expired:", cm.expired())
    except TimeoutError:
        print("TimeoutError")
    try:
        async with asyncio.timeout(0) as cm:
            await asyncio.sleep(0)
            print("unreachable")
    except TimeoutError:
        print("TimeoutError at the first suspension; expired:", cm.expired())
    # Nested timeouts: the inner expires first, the outer does not see it.
    async with asyncio.timeout(1) as outer:
        try:
            async with asyncio.timeout(0.01) as inner:
                await asyncio.sleep(1)
        except TimeoutError:
            print("inner expired:", inner.expired(), "outer expired:", outer.expired())
    # The outer expires first: the inner scope sees a plain cancellation.
    try:
        async with asyncio.timeout(0.01) as outer:
            try:
                async with asyncio.timeout(1) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print("wrong: inner turned the outer's cancellation into TimeoutError")
            except asyncio.CancelledError:
                print("inner passes CancelledError on; inner expired:", inner.expired())
                raise
    except TimeoutError:
        print("outer TimeoutError; outer expired:", outer.expired())
    print("cancelling() back to", asyncio.current_task().cancelling())
    # Cancellation from outside during a timeout stays CancelledError.
    async def guarded():
        async with asyncio.timeout(1):
            await asyncio.sleep(1)
    t = asyncio.create_task(guarded())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("outside cancellation stays CancelledError")
    except TimeoutError:
        print("wrong: TimeoutError")

asyncio.run(main())
