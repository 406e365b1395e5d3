import asyncio

class BareYield:
    def __await__(self):
        yield

async def spinner(log):
    turns = 0
    caught = 0
    while True:
        try:
            if turns % 2 == 0:
                await asyncio.sleep(0)
            else:
                await BareYield()
            turns += 1
        except asyncio.CancelledError as e:
            me = asyncio.current_task()
            caught += 1
            log.append((turns, str(e), me.cancelling()))
            if caught == 1:
                print("  first cancel swallowed at turn", turns, "msg", repr(str(e)), "cancelling", me.cancelling())
                continue
            if caught == 2:
                left = me.uncancel()
                print("  second cancel swallowed, uncancel() ->", left)
                continue
            print("  third cancel: finishing normally with a value")
            return "spun %d turns, caught %d" % (turns, caught)

async def main():
    log = []
    t = asyncio.create_task(spinner(log))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cancel 1:", t.cancel("one"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("after cancel 1: done", t.done(), "cancelling", t.cancelling())
    print("cancel 2:", t.cancel("two"), "cancelling", t.cancelling())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("after cancel 2: done", t.done(), "cancelling", t.cancelling())
    print("cancel 3:", t.cancel("three"))
    r = await t
    print("result:", r)
    print("cancelled():", t.cancelled(), "cancelling():", t.cancelling())
    print("log:", [list(x) for x in log])
    print("cancel after done:", t.cancel())

asyncio.run(main())
