import asyncio

async def leaf():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("  leaf cancelled:", repr(str(e)), "cancelling:", asyncio.current_task().cancelling())
        raise
    finally:
        print("  leaf finally")

async def link(name, target, catch=False):
    try:
        return await target
    except asyncio.CancelledError as e:
        me = asyncio.current_task()
        print("  " + name, "cancelled:", repr(str(e)), "cancelling:", me.cancelling(), "target cancelled:", target.cancelled())
        if catch:
            return name + " recovered"
        raise

async def run_case(label, which, catch_at=None):
    print(label)
    inner = asyncio.create_task(leaf(), name="inner")
    middle = asyncio.create_task(link("middle", inner, catch_at == "middle"), name="middle")
    outer = asyncio.create_task(link("outer", middle, catch_at == "outer"), name="outer")
    await asyncio.sleep(0)
    target = {"inner": inner, "middle": middle, "outer": outer}[which]
    print("  cancel", which, target.cancel("cancel " + which))
    print("  cancelling:", [t.cancelling() for t in (inner, middle, outer)])
    results = await asyncio.gather(outer, return_exceptions=True)
    r = results[0]
    print("  outer outcome:", r if isinstance(r, str) else type(r).__name__)
    print("  cancelled:", [t.cancelled() for t in (inner, middle, outer)])
    print("  cancelling:", [t.cancelling() for t in (inner, middle, outer)])

async def main():
    await run_case("cancel outer", "outer")
    await run_case("cancel middle", "middle")
    await run_case("cancel inner", "inner")
    await run_case("cancel outer, middle catches", "outer", "middle")
    await run_case("cancel inner, outer catches", "inner", "outer")

asyncio.run(main())
