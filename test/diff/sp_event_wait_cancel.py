import asyncio

async def main():
    ev = asyncio.Event()
    w = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    w.cancel()
    await asyncio.gather(w, return_exceptions=True)
    print("cancelled waiter:", w.cancelled())
    ev.set()
    print("set after a cancelled waiter:", ev.is_set())
    results = await asyncio.gather(*(ev.wait() for _ in range(3)))
    print("waits on a set event:", results)
    ev.clear()
    t = asyncio.create_task(asyncio.wait_for(ev.wait(), 0.01))
    try:
        await t
    except TimeoutError:
        print("wait_for(event.wait()) timed out; is_set:", ev.is_set())

asyncio.run(main())
