import asyncio

async def wait_on(name, fut, swallow):
    try:
        r = await fut
        print(name, "got result", r)
        return r
    except asyncio.CancelledError as e:
        print(name, "got CancelledError", repr(str(e)), "cancelling:", asyncio.current_task().cancelling())
        if swallow:
            return "swallowed"
        raise

async def main():
    loop = asyncio.get_running_loop()

    print("-- cancel the task: the future is cancelled with it")
    f1 = loop.create_future()
    f1.add_done_callback(lambda f: print("f1 callback: cancelled =", f.cancelled()))
    t1 = asyncio.create_task(wait_on("t1", f1, False))
    await asyncio.sleep(0)
    print("cancel t1:", t1.cancel("msg one"), "f1 cancelled:", f1.cancelled())
    print("cancel f1 again:", f1.cancel("other"))
    try:
        f1.set_result(1)
    except asyncio.InvalidStateError as e:
        print("set_result on cancelled future: InvalidStateError", e)
    try:
        await t1
    except asyncio.CancelledError as e:
        print("main: t1 cancelled", repr(str(e)), t1.cancelled())

    print("-- cancel the future from outside: the task is not cancelling")
    f2 = loop.create_future()
    t2 = asyncio.create_task(wait_on("t2", f2, True))
    await asyncio.sleep(0)
    print("cancel f2:", f2.cancel("from outside"))
    print("t2 result:", await t2, "cancelled:", t2.cancelled(), "cancelling:", t2.cancelling())

    print("-- the future got a result, then the task is cancelled before it wakes")
    f3 = loop.create_future()
    t3 = asyncio.create_task(wait_on("t3", f3, False))
    await asyncio.sleep(0)
    f3.set_result("value")
    print("cancel t3:", t3.cancel("too late?"), "f3 cancelled:", f3.cancelled())
    try:
        await t3
    except asyncio.CancelledError as e:
        print("main: t3 cancelled", repr(str(e)), "f3 result:", f3.result())

    print("-- outside cancel of the future, then task cancel, before the task wakes")
    f4 = loop.create_future()
    t4 = asyncio.create_task(wait_on("t4", f4, True))
    await asyncio.sleep(0)
    print("cancel f4:", f4.cancel("future msg"))
    print("cancel t4:", t4.cancel("task msg"), "cancelling:", t4.cancelling())
    print("t4 result:", await t4, "cancelled:", t4.cancelled())

asyncio.run(main())
