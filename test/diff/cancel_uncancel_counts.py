import asyncio

class MyTimeout(Exception):
    pass

async def with_deadline(aw_factory, delay):
    # A hand-made timeout: cancel ourselves later, and turn *our* cancel into MyTimeout.
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    fired = False
    def fire():
        nonlocal fired
        fired = True
        me.cancel("deadline")
    h = loop.call_later(delay, fire)
    try:
        return await aw_factory()
    except asyncio.CancelledError:
        if fired and me.uncancel() == 0:
            raise MyTimeout("took too long")
        raise
    finally:
        h.cancel()

async def job(d):
    await asyncio.sleep(d)
    return "job %s done" % d

async def runner(label, d, deadline):
    me = asyncio.current_task()
    try:
        r = await with_deadline(lambda: job(d), deadline)
        print(label, "->", r, "cancelling:", me.cancelling())
    except MyTimeout as e:
        print(label, "-> MyTimeout", e, "cancelling:", me.cancelling())
    except asyncio.CancelledError as e:
        print(label, "-> CancelledError", repr(str(e)), "cancelling:", me.cancelling())
        raise

async def main():
    await asyncio.create_task(runner("fast", 0.01, 0.05))
    await asyncio.create_task(runner("slow", 0.1, 0.01))
    # An outside cancel at the same moment as the deadline: not turned into MyTimeout.
    t = asyncio.create_task(runner("both", 0.1, 0.02))
    asyncio.get_running_loop().call_later(0.02, t.cancel, "outside")
    try:
        await t
    except asyncio.CancelledError:
        print("both: task cancelled:", t.cancelled(), "cancelling:", t.cancelling())
    # An outside cancel alone.
    t = asyncio.create_task(runner("outside only", 0.1, 0.05))
    await asyncio.sleep(0.01)
    t.cancel("outside")
    try:
        await t
    except asyncio.CancelledError:
        print("outside only: task cancelled:", t.cancelled(), "cancelling:", t.cancelling())
    # uncancel() never goes below zero, and counts requests one by one.
    async def counter():
        me = asyncio.current_task()
        print("fresh:", me.cancelling(), "uncancel:", me.uncancel(), me.uncancel())
        for i in range(3):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("caught #%d, cancelling:" % (i + 1), me.cancelling())
        print("uncancel x4:", [me.uncancel() for _ in range(4)])
        return "counted"
    c = asyncio.create_task(counter())
    for _ in range(3):
        await asyncio.sleep(0)
        c.cancel()
    print(await c, c.cancelled(), c.cancelling())

asyncio.run(main())
