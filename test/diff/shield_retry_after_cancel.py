import asyncio

async def critical():
    for i in range(3):
        await asyncio.sleep(0.04)
        print("critical step", i)
    return "committed"

async def guardian(t):
    interruptions = 0
    while True:
        try:
            result = await asyncio.shield(t)
            break
        except asyncio.CancelledError:
            interruptions += 1
            print("guardian interrupted", interruptions, "time(s); task done:", t.done())
    print("guardian got", result, "after", interruptions, "interruptions; cancelling:", asyncio.current_task().cancelling())
    return result

async def main():
    t = asyncio.create_task(critical())
    g = asyncio.create_task(guardian(t))
    await asyncio.sleep(0.02)
    g.cancel()
    await asyncio.sleep(0.04)
    g.cancel()
    g.cancel()
    print("guardian result:", await g, "cancelled:", g.cancelled())

asyncio.run(main())
