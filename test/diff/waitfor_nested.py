import asyncio

async def work(delay):
    try:
        await asyncio.sleep(delay)
        return "work done"
    finally:
        print("work finally")

async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(asyncio.wait_for(work(1), 0.02), 1)
    except TimeoutError:
        print("inner limit hit -> TimeoutError")
    try:
        await asyncio.wait_for(asyncio.wait_for(work(1), 1), 0.02)
    except TimeoutError:
        print("outer limit hit -> TimeoutError")
    print(await asyncio.wait_for(asyncio.wait_for(work(0.01), 0.5), 0.5))
    try:
        async with asyncio.timeout(0.02):
            await asyncio.wait_for(work(1), 1)
    except TimeoutError:
        print("timeout() around wait_for -> TimeoutError")
    try:
        async with asyncio.timeout(1):
            await asyncio.wait_for(work(1), 0.02)
    except TimeoutError:
        print("wait_for inside timeout() -> TimeoutError")
    print("cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
