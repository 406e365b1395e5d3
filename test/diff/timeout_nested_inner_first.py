import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async with asyncio.timeout(0.2) as outer:
        try:
            async with asyncio.timeout(0.03) as inner:
                await asyncio.sleep(1)
        except TimeoutError:
            print("inner TimeoutError at", round(loop.time() - t0, 1))
        print("inner expired:", inner.expired(), "outer expired:", outer.expired())
        print("cancelling inside outer:", asyncio.current_task().cancelling())
        await asyncio.sleep(0.02)
        print("outer body continues")
    print("outer expired:", outer.expired(), "elapsed", round(loop.time() - t0, 1))
    # inner expires, is not caught inside: the outer block sees TimeoutError, not CancelledError
    try:
        async with asyncio.timeout(0.2) as outer:
            async with asyncio.timeout(0.02) as inner:
                await asyncio.sleep(1)
    except TimeoutError:
        print("TimeoutError escaped both; inner expired:", inner.expired(), "outer expired:", outer.expired())
    print("cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
