import asyncio

async def ok():
    await asyncio.sleep(0)
    return 5

async def fail():
    await asyncio.sleep(0)
    raise ValueError("nope")

async def slow():
    await asyncio.sleep(10)

def show(label, t):
    print(label, "done:", t.done(), "cancelled:", t.cancelled())
    try:
        print("  result():", t.result())
    except asyncio.CancelledError as e:
        print("  result() raised CancelledError", repr(str(e)))
    except Exception as e:
        print("  result() raised", type(e).__name__, repr(str(e)))
    try:
        print("  exception():", repr(t.exception()))
    except asyncio.CancelledError as e:
        print("  exception() raised CancelledError", repr(str(e)))
    except Exception as e:
        print("  exception() raised", type(e).__name__, repr(str(e)))

async def main():
    t_ok = asyncio.create_task(ok())
    t_fail = asyncio.create_task(fail())
    t_slow = asyncio.create_task(slow())
    t_never = asyncio.create_task(ok())
    show("ok pending", t_ok)
    t_never.cancel("before start")
    await asyncio.sleep(0)
    t_slow.cancel("while sleeping")
    show("slow cancel requested", t_slow)
    turns = 0
    while not all(t.done() for t in (t_ok, t_fail, t_slow, t_never)):
        await asyncio.sleep(0)
        turns += 1
    print("all done after", turns, "turns")
    show("ok", t_ok)
    show("fail", t_fail)
    show("never", t_never)
    show("never again", t_never)
    show("slow", t_slow)
    show("slow again", t_slow)

asyncio.run(main())
