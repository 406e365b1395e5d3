import asyncio

async def work(n):
    print("work", n, "start")
    await asyncio.sleep(0.01)
    print("work", n, "end")
    return n

async def main():
    # One coroutine object given to two tasks: the first runs it, the second fails.
    c = work(1)
    t1 = asyncio.create_task(c)
    t2 = asyncio.create_task(c)
    for t in (t1, t2):
        try:
            print("result", await t)
        except RuntimeError as e:
            print("RuntimeError:", e)
    # A coroutine a task already finished.
    try:
        print("result", await asyncio.create_task(c))
    except RuntimeError as e:
        print("RuntimeError:", e)
    # The retry trap: the coroutine the first wait_for closed cannot be awaited again.
    slow = work(2)
    for attempt in range(2):
        try:
            print("result", await asyncio.wait_for(slow, 0.001))
        except TimeoutError:
            print("attempt", attempt, "timed out")
        except RuntimeError as e:
            print("attempt", attempt, "RuntimeError:", e)
    # A fresh coroutine per attempt works.
    print("result", await asyncio.wait_for(work(3), 1))

asyncio.run(main())
