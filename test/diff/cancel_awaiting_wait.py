import asyncio

async def child(name, d):
    try:
        await asyncio.sleep(d)
        print("  child", name, "completed")
        return name
    except asyncio.CancelledError:
        print("  child", name, "cancelled")
        raise

async def parent(kids):
    try:
        done, pending = await asyncio.wait(kids)
        print("  parent: wait returned")
    except asyncio.CancelledError as e:
        print("  parent cancelled while in wait:", repr(str(e)))
        print("  kids still pending:", [not k.done() for k in kids])
        raise

async def main():
    kids = [asyncio.create_task(child(n, d)) for n, d in (("x", 0.01), ("y", 0.03))]
    p = asyncio.create_task(parent(kids))
    await asyncio.sleep(0)
    print("cancel parent:", p.cancel("enough"))
    try:
        await p
    except asyncio.CancelledError as e:
        print("parent cancelled:", p.cancelled(), repr(str(e)))
    print("kids cancelled:", [k.cancelled() for k in kids], "cancelling:", [k.cancelling() for k in kids])
    print("kids results:", await asyncio.gather(*kids))
    # Cancelling a child does not cancel the task waiting for it in wait().
    kids = [asyncio.create_task(child(n, d)) for n, d in (("p", 0.01), ("q", 0.5))]
    p = asyncio.create_task(parent(kids))
    await asyncio.sleep(0)
    kids[1].cancel()
    await p
    print("parent finished normally:", p.done(), not p.cancelled(), [k.cancelled() for k in kids])

asyncio.run(main())
