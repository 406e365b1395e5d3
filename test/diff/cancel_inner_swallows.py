import asyncio

async def stubborn_inner(name, swallow_count):
    swallowed = 0
    while True:
        try:
            await asyncio.sleep(0.02)
            print("  ", name, "finished its work")
            return name + " result"
        except asyncio.CancelledError as e:
            if swallowed < swallow_count:
                swallowed += 1
                print("  ", name, "swallowed", repr(str(e)), "#%d" % swallowed)
                continue
            print("  ", name, "gives up on", repr(str(e)))
            raise

async def outer(inner):
    try:
        r = await inner
    except asyncio.CancelledError as e:
        print("   outer: CancelledError", repr(str(e)))
        raise
    me = asyncio.current_task()
    print("   outer got", repr(r), "cancelling:", me.cancelling())
    await asyncio.sleep(0)
    print("   outer was not cancelled at its next await")
    return "outer done"

async def case(label, swallow_count, cancels, pause=0):
    print(label)
    inner = asyncio.create_task(stubborn_inner("inner", swallow_count))
    o = asyncio.create_task(outer(inner))
    await asyncio.sleep(0)
    for i in range(cancels):
        print("   cancel outer:", o.cancel("c%d" % i), "outer cancelling:", o.cancelling(), "inner cancelling:", inner.cancelling())
        if pause:
            await asyncio.sleep(pause)
    try:
        print("   =>", await o, "| outer cancelled:", o.cancelled(), "inner cancelled:", inner.cancelled())
    except asyncio.CancelledError:
        print("   => outer cancelled:", o.cancelled(), "inner cancelled:", inner.cancelled())

async def main():
    await case("inner swallows the only cancel", 1, 1)
    await case("inner swallows one of two (back to back)", 1, 2)
    await case("inner swallows one of two (apart)", 1, 2, 0.005)
    await case("inner swallows both", 2, 2, 0.005)
    # inner already finished, outer not yet woken: outer.cancel() cannot cancel inner
    print("inner done before outer wakes")
    inner = asyncio.create_task(stubborn_inner("inner", 0))
    o = asyncio.create_task(outer(inner))
    inner.add_done_callback(lambda f: print("   inner done; cancel outer:", o.cancel("late"), "inner cancel:", f.cancel()))
    try:
        await o
    except asyncio.CancelledError as e:
        print("   => outer cancelled:", o.cancelled(), "inner result:", inner.result())

asyncio.run(main())
