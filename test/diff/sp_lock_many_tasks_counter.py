import asyncio

async def main():
    lock = asyncio.Lock()
    counter = 0
    unsafe = 0
    async def safe_inc():
        nonlocal counter
        async with lock:
            v = counter
            await asyncio.sleep(0)
            counter = v + 1
    async def unsafe_inc():
        nonlocal unsafe
        v = unsafe
        await asyncio.sleep(0)
        unsafe = v + 1
    await asyncio.gather(*(safe_inc() for _ in range(50)))
    await asyncio.gather(*(unsafe_inc() for _ in range(50)))
    print("with lock:", counter, "without:", unsafe)

asyncio.run(main())
