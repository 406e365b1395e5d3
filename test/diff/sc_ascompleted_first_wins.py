import asyncio

async def mirror(name, d):
    try:
        await asyncio.sleep(d)
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    tasks = [asyncio.create_task(mirror(n, d)) for n, d in [("eu", 0.03), ("us", 0.01), ("asia", 0.02)]]
    for nxt in asyncio.as_completed(tasks):
        winner = await nxt
        break
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print("winner:", winner)

asyncio.run(main())
