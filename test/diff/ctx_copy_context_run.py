import asyncio
import contextvars

var = contextvars.ContextVar("var", default="default")
other = contextvars.ContextVar("other")

def inside(arg, *, kw="k"):
    print("inside run sees", var.get(), "args", arg, kw)
    var.set("changed inside")
    other.set("only inside")
    return "returned " + arg

async def main():
    var.set("outer")
    ctx = contextvars.copy_context()
    print(ctx.run(inside, "x"))
    print("outside still:", var.get(), "other set outside:", other.get("missing"))
    print("ctx keeps the change:", ctx[var], ctx.get(other), "len", len(ctx), var in ctx)
    print("a second run sees the first run's changes:", ctx.run(var.get))
    fresh = contextvars.Context()
    print("empty Context: len", len(fresh), "sees", fresh.run(var.get), "in:", var in fresh)
    try:
        ctx.run(ctx.run, var.get)
    except RuntimeError as e:
        print("entering the same context twice -> RuntimeError")
    def failing():
        var.set("set before failing")
        raise ValueError("inside failed")
    try:
        ctx.run(failing)
    except ValueError as e:
        print("error from run propagates:", str(e), "; change kept:", ctx[var])
    copy2 = ctx.copy()
    copy2.run(var.set, "only in copy2")
    print("copy is independent:", ctx[var], copy2[var])
    print("variables in ctx:", sorted(v.name for v in ctx))
    # a task created inside ctx.run starts from that context's values
    t = ctx.run(asyncio.create_task, read())
    print("task created inside ctx.run sees:", await t)

async def read():
    return var.get()

asyncio.run(main())
