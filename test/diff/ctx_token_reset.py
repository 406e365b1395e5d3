import asyncio
import contextvars

var = contextvars.ContextVar("var", default="default")
plain = contextvars.ContextVar("plain")

async def main():
    t1 = var.set("one")
    print("token.var is var:", t1.var is var, "old value is MISSING:", t1.old_value is contextvars.Token.MISSING)
    t2 = var.set("two")
    print("second token old value:", t2.old_value)
    var.reset(t2)
    print("after reset(t2):", var.get())
    var.reset(t1)
    print("after reset(t1): back to the default:", var.get())
    tp = plain.set(1)
    plain.reset(tp)
    print("plain var after reset is unset:", plain.get("unset"))
    # reset out of order
    a = var.set("a")
    b = var.set("b")
    var.reset(a)
    print("reset the older token first:", var.get())
    var.reset(b)
    print("then the newer one restores its old value:", var.get())
    # reset inside a task only affects the task
    var.set("main")
    async def child():
        tok = var.set("child")
        await asyncio.sleep(0)
        var.reset(tok)
        return var.get()
    print("child after reset sees:", await asyncio.create_task(child()), "; main sees:", var.get())

asyncio.run(main())
