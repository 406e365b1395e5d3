import asyncio

async def victim():
    await asyncio.sleep(10)

async def awaiter(name, t, catch):
    me = asyncio.current_task()
    try:
        await t
    except asyncio.CancelledError as e:
        print(" ", name, "got CancelledError", repr(str(e)), "| own cancelling:", me.cancelling())
        if catch:
            await asyncio.sleep(0)
            return name + " carried on"
        raise

async def outcome(t):
    try:
        return "result " + repr(await t)
    except asyncio.CancelledError as e:
        return "CancelledError, task cancelled() = %s" % t.cancelled()

async def main():
    print("two awaiters of a task whose coroutine was cancelled")
    v = asyncio.create_task(victim())
    w1 = asyncio.create_task(awaiter("w1", v, True))
    w2 = asyncio.create_task(awaiter("w2", v, False))
    await asyncio.sleep(0)
    v.cancel("bye")
    print("  w1:", await outcome(w1))
    print("  w2:", await outcome(w2))

    print("awaiting a task cancelled before it started")
    v2 = asyncio.create_task(victim())
    v2.cancel("early")
    w3 = asyncio.create_task(awaiter("w3", v2, True))
    w4 = asyncio.create_task(awaiter("w4", v2, True))
    print("  w3:", await outcome(w3))
    print("  w4:", await outcome(w4))

    print("awaiting an already-cancelled task")
    w5 = asyncio.create_task(awaiter("w5", v2, False))
    print("  w5:", await outcome(w5))
    try:
        await v2
    except asyncio.CancelledError as e:
        print("  main awaiting it too:", repr(str(e)), "main cancelling:", asyncio.current_task().cancelling())

    print("a plain future cancelled with a message, awaited twice")
    f = asyncio.get_running_loop().create_future()
    f.cancel("fut msg")
    for i in range(2):
        try:
            await f
        except asyncio.CancelledError as e:
            print("  await", i, repr(str(e)))

asyncio.run(main())
