import asyncio

class AppError(Exception):
    pass

async def thrower(kind):
    await asyncio.sleep(0)
    print("thrower raising", kind)
    if kind == "value":
        raise ValueError("bad value")
    if kind == "type":
        raise TypeError("bad type")
    raise AppError("app failure")

async def middle(kind, catch_here):
    try:
        return await thrower(kind)
    except ValueError as e:
        if catch_here:
            print("middle caught", type(e).__name__, e)
            return "recovered in middle"
        raise
    finally:
        print("middle finally", kind)

async def top(kind, catch_here):
    try:
        r = await middle(kind, catch_here)
        print("top got", r)
        return r
    except TypeError as e:
        print("top caught", type(e).__name__, e)
        return "recovered in top"
    finally:
        await asyncio.sleep(0)
        print("top finally (after an await)", kind)

async def translate():
    try:
        await thrower("value")
    except ValueError as e:
        raise AppError("translated: " + str(e))

async def main():
    for kind, catch_here in [("value", True), ("value", False), ("type", False), ("app", False)]:
        try:
            r = await top(kind, catch_here)
            print("main got", r)
        except Exception as e:
            print("main caught", type(e).__name__, e)
    t = asyncio.create_task(top("app", False))
    async def watch(name):
        try:
            await t
        except AppError as e:
            print(name, "saw", e)
            return e
    a, b = await asyncio.gather(watch("watcher 1"), watch("watcher 2"))
    print("same exception object:", a is b, a is t.exception())
    try:
        await translate()
    except AppError as e:
        print("translated:", e)
    t2 = asyncio.create_task(translate())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("t2 done:", t2.done(), type(t2.exception()).__name__, t2.exception())

asyncio.run(main())
