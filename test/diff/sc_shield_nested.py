import asyncio

async def work():
    await asyncio.sleep(0.02)
    return "deep"

async def main():
    inner = asyncio.create_task(work())
    s1 = asyncio.shield(inner)
    s2 = asyncio.shield(s1)
    await asyncio.sleep(0)
    s2.cancel()
    print("outer shield cancelled:", s2.cancelled(), "middle:", s1.cancelled(), "inner:", inner.cancelled())
    print(await inner, await s1)
    async def cancel_self_under_shield():
        t = asyncio.current_task()
        loop = asyncio.get_running_loop()
        loop.call_soon(t.cancel)
        try:
            return await asyncio.shield(asyncio.sleep(0.01, "finished under shield"))
        except asyncio.CancelledError:
            return "awaiter cancelled; work goes on"
    print(await asyncio.create_task(cancel_self_under_shield()))

asyncio.run(main())
