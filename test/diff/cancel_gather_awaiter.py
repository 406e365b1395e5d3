import asyncio

async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print("  child", name, "finished")
        return name
    except asyncio.CancelledError as e:
        print("  child", name, "cancelled:", repr(str(e)))
        raise
    finally:
        print("  child", name, "finally")

async def parent(return_exceptions):
    kids = [asyncio.create_task(child(n, d)) for n, d in (("a", 0), ("b", 5), ("c", 5))]
    try:
        return await asyncio.gather(*kids, return_exceptions=return_exceptions)
    except asyncio.CancelledError as e:
        print("  parent got CancelledError:", repr(str(e)))
        print("  kids done:", [k.done() for k in kids], "cancelled:", [k.cancelled() for k in kids])
        print("  kids cancelling:", [k.cancelling() for k in kids])
        raise

async def main():
    for return_exceptions in (False, True):
        print("return_exceptions =", return_exceptions)
        p = asyncio.create_task(parent(return_exceptions))
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print("  cancel parent:", p.cancel("stop all"))
        try:
            await p
        except asyncio.CancelledError as e:
            print("  main: parent cancelled", p.cancelled(), repr(str(e)))

asyncio.run(main())
