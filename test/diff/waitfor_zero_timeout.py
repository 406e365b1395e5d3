import asyncio

async def never_runs():
    print("never_runs started (should not print)")
    return 1

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result("ready")
    print("done future, timeout 0:", await asyncio.wait_for(done, 0))
    failed = loop.create_future()
    failed.set_exception(ValueError("stored error"))
    try:
        await asyncio.wait_for(failed, 0)
    except ValueError as e:
        print("done future with error, timeout 0:", str(e))
    pending = loop.create_future()
    try:
        await asyncio.wait_for(pending, 0)
    except TimeoutError:
        print("pending future, timeout 0 -> TimeoutError; future cancelled:", pending.cancelled())
    t = asyncio.create_task(asyncio.sleep(1))
    try:
        await asyncio.wait_for(t, -1)
    except TimeoutError:
        print("pending task, timeout -1 -> TimeoutError; task cancelled:", t.cancelled())
    try:
        await asyncio.wait_for(never_runs(), 0)
    except TimeoutError:
        print("coroutine, timeout 0 -> TimeoutError without running")
    print("cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
