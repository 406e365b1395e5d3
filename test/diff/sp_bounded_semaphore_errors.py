import asyncio

async def main():
    b = asyncio.BoundedSemaphore(2)
    await b.acquire(); await b.acquire()
    b.release(); b.release()
    for attempt in range(2):
        try:
            b.release()
        except ValueError as e:
            print("attempt", attempt, "ValueError:", e)
    async with b:
        async with b:
            pass
    print("bounded semaphore still works; locked:", b.locked())
    s = asyncio.Semaphore()
    print("default value 1:", not s.locked())
    await s.acquire()
    print("then locked:", s.locked())
    s.release()
    try:
        asyncio.BoundedSemaphore(-2)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
