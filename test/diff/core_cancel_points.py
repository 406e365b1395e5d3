import asyncio

async def at_sleep():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("sleep cancelled:", repr(str(e)))
        raise

async def at_future(fut):
    try:
        await fut
    finally:
        print("future waiter finally; future cancelled:", fut.cancelled())

async def at_task(inner):
    try:
        await inner
    except asyncio.CancelledError:
        print("task waiter cancelled; inner cancelled:", inner.cancelled())
        raise

async def at_bare():
    i = 0
    try:
        while True:
            await asyncio.sleep(0)
            i += 1
    except asyncio.CancelledError:
        print("bare yield cancelled after", i, "turns")
        raise

async def never_started():
    print("never printed")

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    inner = asyncio.create_task(asyncio.sleep(10))
    tasks = [
        asyncio.create_task(at_sleep()),
        asyncio.create_task(at_future(fut)),
        asyncio.create_task(at_task(inner)),
        asyncio.create_task(at_bare()),
    ]
    early = asyncio.create_task(never_started())
    print("cancel early:", early.cancel())
    for _ in range(3):
        await asyncio.sleep(0)
    for i, t in enumerate(tasks):
        print(i, "cancel:", t.cancel("stop %d" % i))
    results = await asyncio.gather(*tasks, early, return_exceptions=True)
    for r in results:
        print(type(r).__name__, repr(str(r)))
    print([t.cancelled() for t in tasks], early.cancelled())

asyncio.run(main())
