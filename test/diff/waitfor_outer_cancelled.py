import asyncio

async def inner():
    try:
        await asyncio.sleep(1)
        return "not reached"
    finally:
        print("inner finally")

async def waiter(aw):
    try:
        return await asyncio.wait_for(aw, 10)
    except TimeoutError:
        print("wrong: TimeoutError")
    except asyncio.CancelledError:
        print("waiter sees CancelledError")
        raise

async def main():
    inner_task = asyncio.create_task(inner())
    w = asyncio.create_task(waiter(inner_task))
    await asyncio.sleep(0.01)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled:", w.cancelled(), "inner cancelled:", inner_task.cancelled())
    # the same with a coroutine: it is cancelled with the waiter
    w = asyncio.create_task(waiter(inner()))
    await asyncio.sleep(0.01)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled:", w.cancelled())
    # with timeout=None
    inner_task = asyncio.create_task(inner())
    w = asyncio.create_task(asyncio.wait_for(inner_task, None))
    await asyncio.sleep(0.01)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("timeout=None: waiter cancelled:", w.cancelled(), "inner cancelled:", inner_task.cancelled())

asyncio.run(main())
