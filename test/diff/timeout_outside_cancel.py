import asyncio

async def guarded(started):
    cm = asyncio.timeout(10)
    try:
        async with cm:
            started.set_result(None)
            await asyncio.sleep(1)
    except TimeoutError:
        print("wrong: TimeoutError")
    except asyncio.CancelledError:
        print("CancelledError stays; expired:", cm.expired())
        raise

async def cancelled_while_expiring(started):
    cm = asyncio.timeout(0.02)
    try:
        async with cm:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("deadline hit; cleanup awaits; expired:", cm.expired())
                started.set_result(None)
                await asyncio.sleep(1)
    except TimeoutError:
        print("wrong: TimeoutError")
    except asyncio.CancelledError:
        print("outside cancel during expiry stays CancelledError; expired:", cm.expired())
        raise

async def expires_while_handling_outside_cancel(started):
    cm = asyncio.timeout(0.05)
    try:
        async with cm:
            try:
                started.set_result(None)
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("outside cancel seen; cleanup outlives the deadline")
                await asyncio.sleep(1)
    except TimeoutError:
        print("wrong: TimeoutError")
    except asyncio.CancelledError:
        print("still CancelledError; expired:", cm.expired(), "cancelling:", asyncio.current_task().cancelling())
        raise

async def main():
    loop = asyncio.get_running_loop()
    for fn in [guarded, cancelled_while_expiring, expires_while_handling_outside_cancel]:
        started = loop.create_future()
        t = asyncio.create_task(fn(started))
        await started
        t.cancel()
        try:
            await t
        except asyncio.CancelledError:
            print(fn.__name__, "-> task cancelled:", t.cancelled())

asyncio.run(main())
