import asyncio
import contextvars

request = contextvars.ContextVar("request", default="none")

async def handler(n):
    before = request.get()
    request.set(f"{before}/child{n}")
    await asyncio.sleep(0.01 * n)
    return request.get()

async def main():
    request.set("req-1")
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(handler(1))
        request.set("req-2")
        t2 = tg.create_task(handler(2))
        ctx = contextvars.copy_context()
        ctx.run(request.set, "req-ctx")
        t3 = tg.create_task(handler(3), context=ctx)
        request.set("req-3")
    print([t1.result(), t2.result(), t3.result()])
    print("parent:", request.get(), "ctx after its task ran:", ctx[request])
    # create_task with an explicit context shares it: the task's set is visible in ctx
    shared = contextvars.copy_context()
    t = asyncio.create_task(handler(1), context=shared)
    await t
    print("shared context after the task:", shared[request])
    # shield() and wait_for() with tasks keep the task's own context
    t = asyncio.create_task(handler(1))
    print("via shield:", await asyncio.shield(t))
    t = asyncio.create_task(handler(2))
    print("via wait_for:", await asyncio.wait_for(t, 1))
    print("parent unchanged:", request.get())

asyncio.run(main())
