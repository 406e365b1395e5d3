import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for i in range(200):
        async with asyncio.timeout(10):
            await asyncio.sleep(0)
    live = [h for h in loop._scheduled if not h.cancelled()]
    print("no live timers left behind:", len(live), "heap bounded:", len(loop._scheduled) < 200)
    print("cancelling():", asyncio.current_task().cancelling())

asyncio.run(main())
