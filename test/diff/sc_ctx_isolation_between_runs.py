import asyncio
import contextvars

v = contextvars.ContextVar("v", default="fresh")

async def setter(value):
    before = v.get()
    v.set(value)
    return before

print(asyncio.run(setter("first run")))
print(asyncio.run(setter("second run")))
print("top level:", v.get())
v.set("set at top level")
print(asyncio.run(setter("third run")), "| top level after:", v.get())
