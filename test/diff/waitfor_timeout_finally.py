import asyncio

async def slow(name):
    try:
        print(name, "started")
        await asyncio.sleep(1)
        return "not reached"
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "finally (runs before wait_for raises)")

async def slow_cleanup(name):
    try:
        await asyncio.sleep(1)
    finally:
        print(name, "cleanup begins")
        await asyncio.sleep(0.03)
        print(name, "cleanup ends")

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        await asyncio.wait_for(slow("coro"), 0.03)
    except TimeoutError as e:
        print("TimeoutError:", type(e).__name__, "elapsed", round(loop.time() - t0, 1))
    t = asyncio.create_task(slow("task"))
    try:
        await asyncio.wait_for(t, 0.03)
    except TimeoutError:
        print("TimeoutError; task cancelled:", t.cancelled())
    t0 = loop.time()
    try:
        await asyncio.wait_for(slow_cleanup("slow-cleanup"), 0.03)
    except TimeoutError:
        print("TimeoutError only after the cleanup; elapsed", round(loop.time() - t0, 1))
    print("cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
