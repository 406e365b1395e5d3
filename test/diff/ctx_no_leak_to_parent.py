import asyncio
import contextvars

var = contextvars.ContextVar("var", default="parent value")
counter = contextvars.ContextVar("counter", default=0)

async def child(name):
    var.set(name)
    counter.set(counter.get() + 1)
    await asyncio.sleep(0)
    print(name, "sees its own value:", var.get(), "counter", counter.get())
    grandchild = asyncio.create_task(grand(name))
    var.set(name + " changed after spawning")
    return await grandchild

async def grand(parent_name):
    await asyncio.sleep(0)
    return f"grandchild of {parent_name} sees {var.get()}"

async def main():
    counter.set(10)
    results = await asyncio.gather(child("a"), child("b"))
    print(results)
    print("parent still sees:", var.get(), "counter", counter.get())
    # awaiting a coroutine directly (no task) shares the caller's context
    await child("direct")
    print("after a direct await the parent sees:", var.get(), "counter", counter.get())

asyncio.run(main())
