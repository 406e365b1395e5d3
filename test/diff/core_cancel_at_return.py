import asyncio

async def quick():
    await asyncio.sleep(0)
    print("quick resumed; about to return")
    return "value"

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    # t is scheduled to resume; cancel before its last step runs
    print("cancel:", t.cancel("late"))
    try:
        print(await t)
    except asyncio.CancelledError as e:
        print("cancelled at return:", t.cancelled(), repr(str(e)))
    f = loop.create_future()
    async def waiter():
        return await f
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    f.set_result("got it")
    w.cancel()
    try:
        print(await w)
    except asyncio.CancelledError:
        print("woken then cancelled: CancelledError", w.cancelled())
    print("future kept its result:", f.result())

asyncio.run(main())
