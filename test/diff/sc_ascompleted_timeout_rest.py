import asyncio

async def main():
    tasks = [asyncio.create_task(asyncio.sleep(d, d)) for d in (0.01, 0.5, 0.02, 0.6)]
    got, timeouts = [], 0
    for nxt in asyncio.as_completed(tasks, timeout=0.05):
        try:
            got.append(await nxt)
        except TimeoutError:
            timeouts += 1
    print("got:", got, "timeouts:", timeouts, "slow ones still running:", sum(not t.done() for t in tasks))
    for t in tasks:
        t.cancel()

asyncio.run(main())
