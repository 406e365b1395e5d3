import asyncio
import contextvars

v = contextvars.ContextVar("v", default=0)

async def bump():
    v.set(v.get() + 1)
    return v.get()

async def main():
    ctx = contextvars.copy_context()
    loop = asyncio.get_running_loop()
    r1 = await loop.create_task(bump(), context=ctx)
    r2 = await loop.create_task(bump(), context=ctx)
    print("two tasks sharing one context:", r1, r2, "ctx:", ctx[v], "main:", v.get())
    r3 = await asyncio.create_task(bump())
    r4 = await asyncio.create_task(bump())
    print("default: each task its own copy:", r3, r4, "main:", v.get())

asyncio.run(main())
