import asyncio

async def main():
    lock = asyncio.Lock()
    try:
        async with lock:
            print("inside:", lock.locked())
            raise ValueError("boom")
    except ValueError as e:
        print("error propagated:", e, "| released:", not lock.locked())
    async def hold():
        async with lock:
            await asyncio.sleep(1)
    t = asyncio.create_task(hold())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("released after cancellation:", not lock.locked())
    async with lock:
        pass
    print("usable:", not lock.locked())

asyncio.run(main())
