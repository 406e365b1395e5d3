import asyncio
import contextvars

var = contextvars.ContextVar("var", default=0)

async def child(n):
    before = var.get()
    var.set(n)
    await asyncio.sleep(0)
    return before, var.get()

async def main():
    var.set(1)
    t = asyncio.create_task(child(10))
    var.set(2)
    print("child saw the value at its creation:", await t, "parent:", var.get())
    ctx = contextvars.copy_context()
    ctx.run(var.set, 99)
    t2 = asyncio.get_running_loop().create_task(child(20), context=ctx)
    print("explicit context:", await t2, "ctx now:", ctx[var], "parent:", var.get())
    fut = asyncio.get_running_loop().create_future()
    var.set(3)
    fut.add_done_callback(lambda f: print("done callback sees", var.get()))
    var.set(4)
    fut.set_result(None)
    await asyncio.sleep(0)
    results = await asyncio.gather(*(child(i) for i in range(100, 103)))
    print("gather children each had their own copy:", results, "parent:", var.get())
    print("context length/keys:", len(ctx), [v.name for v in ctx])

asyncio.run(main())
