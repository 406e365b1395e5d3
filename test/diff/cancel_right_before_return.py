import asyncio

async def no_suspend(x):
    return x * 10

async def cancel_then_return():
    me = asyncio.current_task()
    print("  cancel myself:", me.cancel("at return"))
    return "lost value"

async def cancel_then_done_future_then_return(fut):
    asyncio.current_task().cancel("done future")
    r = await fut  # already done: no suspension
    print("  awaited done future without suspending:", r)
    v = await no_suspend(4)
    print("  nested coroutine without suspending:", v)
    return v

async def cancel_then_catch_then_return():
    asyncio.current_task().cancel("caught")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print("  caught", repr(str(e)))
    return "kept value"

async def last_await(fut, catch):
    try:
        r = await fut
        print("  never: woke with", r)
        return r
    except asyncio.CancelledError as e:
        print("  woken with CancelledError", repr(str(e)), "although the future has", repr(fut.result()))
        if catch:
            return "returned after catching"
        raise

async def show(label, t):
    try:
        r = await t
        print(label, "-> result", repr(r), "cancelled:", t.cancelled())
    except asyncio.CancelledError as e:
        print(label, "-> CancelledError", repr(str(e)), "cancelled:", t.cancelled(), "cancelling:", t.cancelling())
        for _ in range(2):
            try:
                t.result()
            except asyncio.CancelledError as e2:
                print("   result() again:", repr(str(e2)))

async def main():
    loop = asyncio.get_running_loop()
    await show("cancel then return", asyncio.create_task(cancel_then_return()))
    done = loop.create_future()
    done.set_result("ready")
    await show("done future", asyncio.create_task(cancel_then_done_future_then_return(done)))
    await show("catch then return", asyncio.create_task(cancel_then_catch_then_return()))
    for catch in (False, True):
        fut = loop.create_future()
        t = asyncio.create_task(last_await(fut, catch))
        await asyncio.sleep(0)
        def wake_and_cancel():
            fut.set_result("result")
            print("  cancel from callback:", t.cancel("from callback"))
        loop.call_soon(wake_and_cancel)
        await show("woken and cancelled in one callback, catch=%s" % catch, t)

asyncio.run(main())
