import asyncio
import contextvars

var = contextvars.ContextVar("var", default="initial")

async def reader(label, gate):
    print(label, "at start sees", var.get())
    await gate.wait()
    print(label, "after the parent changed it sees", var.get())

async def main():
    gate = asyncio.Event()
    t1 = asyncio.create_task(reader("t1", gate))
    var.set("second")
    t2 = asyncio.create_task(reader("t2", gate))
    var.set("third")
    await asyncio.sleep(0)
    var.set("fourth")
    gate.set()
    await asyncio.gather(t1, t2)
    print("parent sees", var.get())
    # gather wraps coroutines in tasks: each gets a copy at gather() time
    var.set("for gather")
    print(await asyncio.gather(read_later(), read_later()))

async def read_later():
    await asyncio.sleep(0)
    return var.get()

asyncio.run(main())
