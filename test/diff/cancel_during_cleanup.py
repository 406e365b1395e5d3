import asyncio

async def cleanup_after_error():
    try:
        await asyncio.sleep(0)
        raise ValueError("original error")
    finally:
        print("  finally: cleaning up (awaiting)")
        try:
            await asyncio.sleep(0.05)
            print("  cleanup finished")
        except asyncio.CancelledError:
            print("  cleanup interrupted by cancel")
            raise

async def handler_awaits():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("  except: handling first cancel, awaiting")
        await asyncio.sleep(1)
        print("  never")
        raise

async def return_in_finally():
    try:
        await asyncio.sleep(1)
    finally:
        print("  finally returns: the CancelledError is dropped")
        return "value from finally"

async def raise_other():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise KeyError("replaced")

async def run(label, coro, cancels):
    print(label)
    t = asyncio.create_task(coro)
    for i in range(cancels):
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print("  cancel #%d:" % (i + 1), t.cancel("c%d" % (i + 1)))
    try:
        r = await t
        print("  => result", repr(r), "cancelled:", t.cancelled(), "cancelling:", t.cancelling())
    except asyncio.CancelledError as e:
        print("  => CancelledError", repr(str(e)), "cancelled:", t.cancelled(), "cancelling:", t.cancelling())
    except Exception as e:
        print("  => %s" % type(e).__name__, "cancelled:", t.cancelled(), "cancelling:", t.cancelling())

async def main():
    await run("error, then cancel during cleanup", cleanup_after_error(), 1)
    await run("error, cleanup not disturbed", cleanup_after_error(), 0)
    await run("cancel, then cancel again in the handler", handler_awaits(), 2)
    await run("return in finally", return_in_finally(), 1)
    await run("raise another error on cancel", raise_other(), 1)

asyncio.run(main())
