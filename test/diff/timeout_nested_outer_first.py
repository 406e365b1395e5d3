import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(0.03) as outer:
            try:
                async with asyncio.timeout(0.2) as inner:
                    try:
                        await asyncio.sleep(1)
                    except asyncio.CancelledError:
                        print("innermost body sees CancelledError")
                        raise
            except TimeoutError:
                print("wrong: inner converted it")
            except asyncio.CancelledError:
                print("inner block lets CancelledError through; inner expired:", inner.expired())
                raise
    except TimeoutError:
        print("outer TimeoutError at", round(loop.time() - t0, 1), "outer expired:", outer.expired())
    print("cancelling:", asyncio.current_task().cancelling())
    # the same with equal deadlines given to timeout_at: the outer one fires first
    when = loop.time() + 0.03
    try:
        async with asyncio.timeout_at(when) as outer:
            async with asyncio.timeout_at(when) as inner:
                await asyncio.sleep(1)
    except TimeoutError:
        print("equal deadlines: outer expired", outer.expired(), "inner expired", inner.expired())

asyncio.run(main())
