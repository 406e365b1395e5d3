import asyncio

async def slow(tag, d):
    try:
        await asyncio.sleep(d)
        return tag
    finally:
        print(tag, "cleanup")

async def main():
    t = asyncio.create_task(slow("fast", 0.01))
    print(await asyncio.wait_for(t, 1))
    t2 = asyncio.create_task(slow("slow", 1))
    try:
        await asyncio.wait_for(t2, 0.02)
    except TimeoutError:
        print("TimeoutError; inner cancelled:", t2.cancelled())
    print(await asyncio.wait_for(asyncio.sleep(0.01, "no limit"), None))
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result("ready")
    print(await asyncio.wait_for(f, 0))
    async def waiter():
        return await asyncio.wait_for(asyncio.create_task(slow("inner", 1)), 5)
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.01)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("outer cancelled while waiting: CancelledError, not TimeoutError")
    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("stubborn swallows")
            return "kept going"
    st = asyncio.create_task(stubborn())
    print("swallowed:", await asyncio.wait_for(st, 0.01))

asyncio.run(main())
