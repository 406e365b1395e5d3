import contextvars
import asyncio

a = contextvars.ContextVar("a", default="a0")

def show(tag):
    return f"{tag}:{a.get()}"

async def main():
    outer = contextvars.copy_context()
    def level1():
        a.set("a1")
        inner = contextvars.copy_context()
        def level2():
            a.set("a2")
            return show("level2")
        r = inner.run(level2)
        return r, show("level1"), inner.get(a)
    print(outer.run(level1), show("main"), outer.get(a))
    try:
        outer.run(outer.run, show, "x")
    except RuntimeError as e:
        print("RuntimeError: cannot enter an entered context:", "is already entered" in str(e))
    print("keys:", [v.name for v in outer.keys()], "values:", list(outer.values()), "has:", a in outer)
    empty = contextvars.Context()
    print("a fresh Context is empty:", len(empty), empty.run(show, "fresh"))

asyncio.run(main())
