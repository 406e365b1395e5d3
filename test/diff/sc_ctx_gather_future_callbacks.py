import asyncio
import contextvars

v = contextvars.ContextVar("v", default="-")

async def main():
    loop = asyncio.get_running_loop()
    log = []
    futs = [loop.create_future() for _ in range(3)]
    for i, f in enumerate(futs):
        v.set(f"registered {i}")
        f.add_done_callback(lambda fut, i=i: log.append((i, v.get())))
    v.set("at completion")
    for f in futs:
        f.set_result(None)
    await asyncio.sleep(0)
    print(log)
    ctx = contextvars.copy_context()
    ctx.run(v.set, "explicit")
    g = loop.create_future()
    g.add_done_callback(lambda fut: log.append(("explicit", v.get())), context=ctx)
    g.set_result(None)
    await asyncio.sleep(0)
    print(log[-1])

asyncio.run(main())
