import asyncio

async def ok(name, delay):
    await asyncio.sleep(delay)
    return name

async def bad(msg, delay):
    await asyncio.sleep(delay)
    raise ValueError(msg)

async def main():
    tasks = [
        asyncio.create_task(bad("second fails", 0.04)),
        asyncio.create_task(ok("first ok", 0.02)),
        asyncio.create_task(ok("last ok", 0.08)),
        asyncio.create_task(bad("third fails", 0.06)),
    ]
    for aw in asyncio.as_completed(tasks):
        try:
            print("result:", await aw)
        except ValueError as e:
            print("error from the item's await:", str(e))
    victim = asyncio.create_task(ok("never", 1))
    other = asyncio.create_task(ok("other", 0.02))
    asyncio.get_running_loop().call_later(0.01, victim.cancel)
    for aw in asyncio.as_completed([victim, other]):
        try:
            print("result:", await aw)
        except asyncio.CancelledError:
            print("cancelled item raises CancelledError; still running:", not asyncio.current_task().cancelled())

asyncio.run(main())
