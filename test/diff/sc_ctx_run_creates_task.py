import asyncio
import contextvars

v = contextvars.ContextVar("v", default="outside")

async def reader():
    return v.get()

async def main():
    ctx = contextvars.copy_context()
    def start_in_ctx():
        v.set("inside ctx.run")
        return asyncio.create_task(reader())
    t = ctx.run(start_in_ctx)
    print("a task created inside Context.run copies that context:", await t)
    print("outside unchanged:", v.get())

asyncio.run(main())
