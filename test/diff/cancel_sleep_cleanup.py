import asyncio

async def innermost():
    try:
        print("innermost sleeps")
        await asyncio.sleep(5)
    finally:
        print("innermost finally")

async def middle():
    try:
        await innermost()
    except asyncio.CancelledError as e:
        print("middle except, msg:", repr(str(e)))
        await asyncio.sleep(0.05)
        print("middle cleaned up after a real sleep; re-raising")
        raise
    finally:
        print("middle finally")

async def outer():
    try:
        await middle()
    finally:
        print("outer finally: awaiting in finally")
        await asyncio.sleep(0)
        print("outer finally done")

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    print("cancel:", t.cancel("stop now"))
    print("done right after cancel:", t.done())
    try:
        await t
    except asyncio.CancelledError as e:
        print("main got CancelledError", repr(str(e)))
    print("elapsed:", round(loop.time() - t0, 1))
    print("cancelled:", t.cancelled(), "cancelling:", t.cancelling())

asyncio.run(main())
