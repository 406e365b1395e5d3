import asyncio

started = []

async def sub(name):
    started.append(name)
    print("  sub", name, "body runs")
    await asyncio.sleep(0)
    return name

async def self_cancel_then_await_task():
    me = asyncio.current_task()
    me.cancel("self")
    s = asyncio.create_task(sub("s1"))
    try:
        await s
    except asyncio.CancelledError as e:
        print("  parent:", repr(str(e)), "sub cancelled:", s.cancelled(), "sub cancelling:", s.cancelling())
        raise

async def self_cancel_then_gather():
    asyncio.current_task().cancel("self-g")
    try:
        await asyncio.gather(sub("g1"), sub("g2"))
    except asyncio.CancelledError:
        print("  parent got CancelledError from gather")
        raise

async def self_cancel_then_future():
    fut = asyncio.get_running_loop().create_future()
    asyncio.current_task().cancel("self-f")
    try:
        await fut
    except asyncio.CancelledError as e:
        print("  parent:", repr(str(e)), "future cancelled:", fut.cancelled())
        raise

async def self_cancel_then_sleep():
    asyncio.current_task().cancel("self-s")
    try:
        await asyncio.sleep(0.5)
    except asyncio.CancelledError as e:
        print("  parent:", repr(str(e)))
        raise

async def main():
    loop = asyncio.get_running_loop()
    cases = [
        ("then await a new task", self_cancel_then_await_task),
        ("then await gather", self_cancel_then_gather),
        ("then await a future", self_cancel_then_future),
        ("then sleep", self_cancel_then_sleep),
    ]
    for label, f in cases:
        print("self-cancel", label)
        t0 = loop.time()
        t = asyncio.create_task(f())
        try:
            await t
        except asyncio.CancelledError:
            print("  task cancelled:", t.cancelled(), "cancelling:", t.cancelling(), "quick:", loop.time() - t0 < 0.25)
    print("sub bodies that ran:", started)

asyncio.run(main())
