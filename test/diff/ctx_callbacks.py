import asyncio
import contextvars

var = contextvars.ContextVar("var", default="unset")

def show(label):
    print(label, "runs with", var.get())

def setter(label):
    var.set("set by " + label)
    print(label, "set its own value:", var.get())

async def main():
    loop = asyncio.get_running_loop()
    var.set("A")
    loop.call_soon(show, "call_soon #1")
    var.set("B")
    loop.call_soon(show, "call_soon #2")
    loop.call_later(0.01, show, "call_later")
    loop.call_soon(setter, "setter")
    loop.call_soon(show, "call_soon #3")
    var.set("C")
    await asyncio.sleep(0.02)
    print("main sees", var.get())
    fut = loop.create_future()
    var.set("when callback added")
    fut.add_done_callback(lambda f: show("done callback"))
    var.set("when result set")
    fut.set_result(None)
    await asyncio.sleep(0)
    ctx = contextvars.copy_context()
    var.set("after copy")
    ctx.run(loop.call_soon, show, "scheduled inside ctx.run")
    handle = loop.call_soon(show, "cancelled handle")
    handle.cancel()
    await asyncio.sleep(0)
    print("main sees", var.get())

asyncio.run(main())
