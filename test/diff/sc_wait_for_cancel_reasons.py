import asyncio

async def main():
    inner = asyncio.create_task(asyncio.sleep(1))
    async def waiter():
        return await asyncio.wait_for(inner, 5)
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.01)
    inner.cancel("inner cancelled directly")
    try:
        await w
    except asyncio.CancelledError as e:
        print("cancelling the awaited task: CancelledError; waiter cancelled:", w.cancelled())
    async def swallow_twice():
        for _ in range(2):
            try:
                await asyncio.sleep(0.05)
            except asyncio.CancelledError:
                pass
        return "finally done"
    t = asyncio.create_task(swallow_twice())
    try:
        print(await asyncio.wait_for(t, 0.01))
    except TimeoutError:
        print("TimeoutError")
    t.cancel()
    print(await asyncio.gather(t, return_exceptions=True))

asyncio.run(main())
