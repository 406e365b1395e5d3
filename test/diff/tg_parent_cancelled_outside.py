import asyncio

async def child(name, delay, verbose):
    try:
        await asyncio.sleep(delay)
        print(name, "done")
    except asyncio.CancelledError:
        if verbose:
            print(name, "cancelled")
        raise
    finally:
        if verbose:
            print(name, "finally")

async def in_body(started):
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c1", 1, True))
            tg.create_task(child("c2", 1, False))
            started.set_result(None)
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("in_body: CancelledError propagates out of the group")
        raise
    except ExceptionGroup:
        print("wrong: ExceptionGroup")

async def in_exit(started):
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("d1", 1, True))
            tg.create_task(child("d2", 0.01, False))
            started.set_result(None)
        print("not reached")
    except asyncio.CancelledError:
        print("in_exit: CancelledError while the group waited for children")
        raise

async def main():
    loop = asyncio.get_running_loop()
    for fn in [in_body, in_exit]:
        started = loop.create_future()
        t = asyncio.create_task(fn(started))
        await started
        await asyncio.sleep(0.03)
        t.cancel()
        try:
            await t
        except asyncio.CancelledError:
            print(fn.__name__, "task cancelled:", t.cancelled())

asyncio.run(main())
