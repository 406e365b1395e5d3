import asyncio

async def sleeper(name, d):
    try:
        await asyncio.sleep(d)
        return name
    finally:
        print("  ", name, "finally")

async def watcher(name, t):
    try:
        r = await t
        print("  ", name, "woke with", r)
    except asyncio.CancelledError:
        print("  ", name, "woke with CancelledError")

def report(tag):
    def cb(t):
        state = "cancelled" if t.cancelled() else ("error" if t.exception() else "result " + str(t.result()))
        print("   cb", tag, state, "| current task:", asyncio.current_task())
    return cb

async def main():
    a = asyncio.create_task(sleeper("a", 10))
    b = asyncio.create_task(sleeper("b", 0))
    a.add_done_callback(report("a1"))
    w = asyncio.create_task(watcher("w", a))
    a.add_done_callback(report("a2"))
    extra = report("extra")
    a.add_done_callback(extra)
    a.add_done_callback(extra)
    print("removed:", a.remove_done_callback(extra), "again:", a.remove_done_callback(extra))
    # b's done callback cancels a
    b.add_done_callback(lambda t: print("   b done; cancel a:", a.cancel("from b's callback")))
    b.add_done_callback(report("b"))
    await asyncio.sleep(0)
    print("after one turn: a done", a.done(), "b done", b.done())
    await asyncio.gather(w, return_exceptions=True)
    print("a cancelled:", a.cancelled())
    # Adding a callback to a done task schedules it at once.
    a.add_done_callback(report("late"))
    print("late callback added")
    await asyncio.sleep(0)
    print("removing from a done task:", a.remove_done_callback(extra))

asyncio.run(main())
