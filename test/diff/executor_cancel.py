import asyncio
import time


def work():
    time.sleep(0.2)
    return "finished"


async def waiter(fut):
    return await fut


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, work)
    task = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0.05)
    t0 = loop.time()
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("waiter cancelled at once:", loop.time() - t0 < 0.05)
    print("executor future cancelled:", fut.cancelled())
    t0 = loop.time()
    await loop.shutdown_default_executor()
    print("the work went on; shutdown waited for it:", loop.time() - t0 > 0.05)


asyncio.run(main())
