import asyncio
import time


def work(x):
    time.sleep(0.05)
    return x + 1


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, work, 1)
    await loop.shutdown_default_executor()
    print("shutdown waited for the work:", fut.done(), await fut)
    try:
        loop.run_in_executor(None, work, 2)
    except RuntimeError as e:
        print(f"{type(e).__name__}: {e}")
    try:
        await asyncio.to_thread(work, 3)
    except RuntimeError as e:
        print(f"{type(e).__name__}: {e}")
    await loop.shutdown_default_executor()
    print("second shutdown is harmless")


asyncio.run(main())
print("run returned")
