import asyncio

ran = []

async def body(name):
    ran.append(name)
    try:
        print("body of", name, "runs")
        await asyncio.sleep(0)
        return name
    finally:
        print("finally of", name)

async def main():
    a = asyncio.create_task(body("a"))
    b = asyncio.create_task(body("b"))
    c = asyncio.create_task(body("c"))
    a.add_done_callback(lambda t: print("a done callback: cancelled =", t.cancelled()))
    print("cancel a:", a.cancel("never started"))
    print("cancel b:", b.cancel(), "again:", b.cancel("second"), "cancelling:", b.cancelling())
    print("a done right after cancel():", a.done(), "cancelled():", a.cancelled())
    await asyncio.sleep(0)
    print("after one turn: a", a.done(), a.cancelled(), "b", b.done(), b.cancelled())
    print("ran so far:", ran)
    try:
        await a
    except asyncio.CancelledError as e:
        print("awaiting a:", repr(str(e)))
    try:
        await b
    except asyncio.CancelledError as e:
        print("awaiting b:", repr(str(e)))
    print("cancel a again:", a.cancel(), "cancelling:", a.cancelling())
    print("c:", await c)
    print("cancel finished c:", c.cancel(), c.cancelled(), c.cancelling())
    # A task cancelled before start, awaited by another task that started earlier.
    async def awaiter(t):
        try:
            return await t
        except asyncio.CancelledError as e:
            print("awaiter saw", repr(str(e)), "and is itself cancelling:", asyncio.current_task().cancelling())
            return "awaiter survived"
    w = asyncio.create_task(awaiter(None))
    d = asyncio.create_task(body("d"))
    w2 = asyncio.create_task(awaiter(d))
    w.cancel()
    d.cancel("d never ran")
    print(await w2)
    try:
        await w
    except TypeError:
        print("not reached")
    except asyncio.CancelledError:
        print("w cancelled before start too:", w.cancelled())
    print("ran:", ran)

asyncio.run(main())
