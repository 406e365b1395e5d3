import asyncio

class Bad:
    # Yields a value that is neither None nor a Future.
    def __init__(self, value):
        self.value = value
    def __await__(self):
        return (yield self.value)

class SelfHealing:
    # Catches the error thrown in at its own yield and returns a value.
    def __await__(self):
        try:
            yield 42
        except RuntimeError as e:
            print("  awaitable caught at its yield:", e)
            return "healed"

class Stubborn:
    # Keeps yielding bad values: each one comes back as a new RuntimeError.
    def __await__(self):
        n = 0
        for v in (1, 2, 3):
            try:
                yield v
            except RuntimeError as e:
                print("  stubborn got:", e)
                n += 1
        return n

async def level3():
    await Bad(42)
    print("  not reached")

async def level2():
    try:
        await level3()
    finally:
        print("  level2 finally")

async def level1():
    try:
        await level2()
    except RuntimeError as e:
        print("  level1 caught:", e)
    await asyncio.sleep(0)
    return "level1 carried on"

async def main():
    loop = asyncio.get_running_loop()
    print("healing:", await SelfHealing())
    print("stubborn:", await Stubborn())
    t = asyncio.create_task(level1())
    print("task result:", await t, "cancelled:", t.cancelled())
    # The error is delivered on a later loop turn, after what is already queued.
    async def bad_then_print():
        loop.call_soon(print, "  callback queued before the bad yield")
        try:
            await Bad("text")
        except RuntimeError as e:
            print("  got", e)
    await asyncio.create_task(bad_then_print())
    # A cancel requested while the error is pending replaces it.
    async def bad_and_cancelled():
        try:
            await Bad(7)
        except RuntimeError as e:
            print("  not this:", e)
        except asyncio.CancelledError as e:
            print("  CancelledError instead:", repr(str(e)))
            return "swallowed"
    t2 = asyncio.create_task(bad_and_cancelled())
    await asyncio.sleep(0)
    print("cancel:", t2.cancel("instead"))
    print("t2:", await t2, t2.cancelled(), t2.cancelling())
    # Awaiting itself
    async def await_self():
        try:
            await asyncio.current_task()
        except RuntimeError as e:
            print("  self-await:", str(e).split(":")[0])
        return "ok"
    print("await_self:", await asyncio.create_task(await_self()))

asyncio.run(main())
