import asyncio

async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        return name
    except asyncio.CancelledError:
        print("child", name, "cancelled")
        raise

async def main():
    g = asyncio.gather(child("a", 1), child("b", 2))
    await asyncio.sleep(0)
    print("cancel gather:", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("awaiter sees CancelledError; g.cancelled():", g.cancelled())
    x = asyncio.create_task(child("x", 1))
    y = asyncio.create_task(child("y", 0.01))
    g2 = asyncio.gather(x, y)
    await asyncio.sleep(0)
    x.cancel()
    try:
        await g2
    except asyncio.CancelledError:
        print("child cancelled -> gather raised CancelledError; y done:", y.done())
    print(await y)
    g3 = asyncio.gather(child("r", 1), child("s", 0.01), return_exceptions=True)
    await asyncio.sleep(0)
    async def waiter():
        return await g3
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.05)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("task awaiting gather cancelled; gather cancelled:", g3.cancelled())

asyncio.run(main())
