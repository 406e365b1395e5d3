import asyncio

async def main():
    task = asyncio.current_task()
    async def worker():
        me = asyncio.current_task()
        try:
            async with asyncio.timeout(0.01):
                me.cancel()
                try:
                    await asyncio.sleep(1)
                except asyncio.CancelledError:
                    print("got the explicit cancel first")
                    raise
        except TimeoutError:
            print("wrong: TimeoutError")
        except asyncio.CancelledError:
            print("the explicit cancel is not turned into TimeoutError")
            raise
    t = asyncio.create_task(worker())
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled())

asyncio.run(main())
