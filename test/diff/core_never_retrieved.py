import asyncio
import gc

# Held until each run ends, so CPython destroys (and reports) them then, not at once.
kept = []

def handler(loop, context):
    exc = context.get("exception")
    print("handler:", context["message"], "|", sorted(context), "|", "-" if exc is None else f"{type(exc).__name__}: {exc}")

async def bad(message):
    await asyncio.sleep(0)
    raise ValueError(message)

async def forever():
    await asyncio.sleep(3600)

async def lost_task():
    asyncio.get_running_loop().set_exception_handler(handler)
    kept.append(asyncio.create_task(bad("nobody awaited this task")))
    await asyncio.sleep(0.01)
    print("lost_task ends")

async def lost_future():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    kept.append(loop.create_future())
    kept[-1].set_exception(RuntimeError("nobody looked at this future"))
    await asyncio.sleep(0)
    print("lost_future ends")

async def all_seen():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    awaited = asyncio.create_task(bad("awaited"))
    asked = asyncio.create_task(bad("asked"))
    gathered = asyncio.create_task(bad("gathered"))
    cancelled = asyncio.create_task(bad("cancelled first"))
    cancelled.cancel()
    await asyncio.sleep(0.01)
    try:
        await awaited
    except ValueError as e:
        print("caught:", e)
    print("asked:", asked.exception())
    print("gathered:", await asyncio.gather(gathered, return_exceptions=True))
    print("all_seen ends")

asyncio.run(lost_task())
kept.clear()
gc.collect()
print("---")
asyncio.run(lost_future())
kept.clear()
gc.collect()
print("---")
asyncio.run(all_seen())
kept.clear()
gc.collect()
print("---")

loop = asyncio.new_event_loop()
loop.set_exception_handler(handler)

async def leaves_one_behind():
    asyncio.create_task(forever())
    await asyncio.sleep(0)

loop.run_until_complete(leaves_one_behind())
print("before close")
loop.close()
gc.collect()
print("after close")
