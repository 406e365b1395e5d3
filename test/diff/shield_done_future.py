import asyncio

async def quick():
    return "quick"

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result(42)
    s = asyncio.shield(fut)
    print("shield of a done future is the future itself:", s is fut, await s)
    bad = loop.create_future()
    bad.set_exception(ValueError("stored"))
    s = asyncio.shield(bad)
    print("same object:", s is bad)
    try:
        await s
    except ValueError as e:
        print("error:", str(e))
    c = loop.create_future()
    c.cancel()
    s = asyncio.shield(c)
    print("cancelled future: same object", s is c, "cancelled", s.cancelled())
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    print("task done:", t.done())
    s = asyncio.shield(t)
    print("done task: same object", s is t, await s)
    pending = loop.create_future()
    s = asyncio.shield(pending)
    print("pending: new future", s is not pending, s.done())
    pending.set_result("later")
    print("shield follows:", await s)

asyncio.run(main())
