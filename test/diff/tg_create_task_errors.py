import asyncio

async def work():
    await asyncio.sleep(0)
    return "work"

attempts = []

async def retry_on_cancel(tg):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        coro = work()
        try:
            tg.create_task(coro)
        except RuntimeError as e:
            coro.close()
            attempts.append(["shutting down", "is shutting down" in str(e)])
        raise

async def fail():
    await asyncio.sleep(0.01)
    raise ValueError("x")

async def main():
    tg = asyncio.TaskGroup()
    coro = work()
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        coro.close()
        print("before entering: RuntimeError, 'has not been entered' in message:", "has not been entered" in str(e))
    async with tg:
        t = tg.create_task(work())
    print("inside worked:", t.result())
    coro = work()
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        coro.close()
        print("after exit: RuntimeError, 'is finished' in message:", "is finished" in str(e))
    try:
        async with tg:
            print("re-entered (wrong)")
    except RuntimeError as e:
        print("entering twice: RuntimeError, 'entered' in message:", "entered" in str(e))
    tg2 = asyncio.TaskGroup()
    try:
        async with tg2:
            tg2.create_task(retry_on_cancel(tg2))
            tg2.create_task(fail())
    except ExceptionGroup as eg:
        print("group:", [type(e).__name__ for e in eg.exceptions])
    print("create_task while aborting:", attempts)

asyncio.run(main())
