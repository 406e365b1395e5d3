import asyncio

async def main():
    me = asyncio.current_task()
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("after a handled timeout, cancelling():", me.cancelling())
    async def victim():
        task = asyncio.current_task()
        try:
            async with asyncio.timeout(0.01):
                try:
                    await asyncio.sleep(1)
                finally:
                    print("inside, cancelling():", task.cancelling())
        except TimeoutError:
            print("wrong: TimeoutError")
        except asyncio.CancelledError:
            print("outside cancel wins; cancelling():", task.cancelling())
            raise
    t = asyncio.create_task(victim())
    await asyncio.sleep(0.005)
    t.cancel()
    await asyncio.sleep(0.01)
    await asyncio.gather(t, return_exceptions=True)
    print("victim cancelled:", t.cancelled())

asyncio.run(main())
