import asyncio

async def quick(x):
    return x

async def slow(x):
    await asyncio.sleep(0.01)
    return x

async def waiter(make_gather, catch):
    g = make_gather()
    try:
        r = await g
        print("  waiter got", r)
        return r
    except asyncio.CancelledError as e:
        print("  waiter: CancelledError", repr(str(e)), "| gather done:", g.done())
        if catch:
            return "recovered"
        raise

async def case(label, second, catch):
    print(label)
    kids = []
    def make_gather():
        kids.append(asyncio.create_task(quick(1)))
        kids.append(asyncio.create_task(second(2)))
        return asyncio.gather(*kids)
    w = asyncio.create_task(waiter(make_gather, catch))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    # Both children have finished by now if `second` is quick, but the gather's
    # own callbacks have not run yet: cancelling it cancels no child.
    print("  kids done:", [k.done() for k in kids])
    print("  cancel waiter:", w.cancel("stop"), "cancelling:", w.cancelling())
    try:
        print("  =>", await w, "| waiter cancelled:", w.cancelled())
    except asyncio.CancelledError:
        print("  => waiter cancelled:", w.cancelled())
    print("  kids cancelled:", [k.cancelled() for k in kids])

async def main():
    await case("children finished, gather pending", quick, False)
    await case("children finished, gather pending, waiter catches", quick, True)
    await case("one child still running", slow, False)

asyncio.run(main())
