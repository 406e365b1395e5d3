import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    tasks = [asyncio.create_task(job("early", 0.01)), asyncio.create_task(job("late", 0.06))]
    items = iter(asyncio.as_completed(tasks, timeout=0.03))
    print("first:", await next(items))
    await asyncio.sleep(0.1)
    print("all tasks done by now:", all(t.done() for t in tasks))
    try:
        print("second:", await next(items))
    except TimeoutError:
        print("second item still raises TimeoutError: the deadline passed first")
    print("the late task has its result anyway:", tasks[1].result())

asyncio.run(main())
