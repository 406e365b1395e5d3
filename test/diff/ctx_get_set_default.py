import asyncio
import contextvars

with_default = contextvars.ContextVar("with_default", default="dflt")
no_default = contextvars.ContextVar("no_default")
none_default = contextvars.ContextVar("none_default", default=None)

async def main():
    print("name:", with_default.name, no_default.name)
    print("default:", with_default.get())
    print("get(arg) beats the var default:", with_default.get("arg"))
    try:
        no_default.get()
    except LookupError as e:
        print("unset, no default -> LookupError:", type(e).__name__)
    print("unset with get(arg):", no_default.get("fallback"))
    print("unset with get(None):", no_default.get(None))
    print("None as default:", none_default.get())
    with_default.set("set value")
    no_default.set(0)
    print("after set:", with_default.get(), with_default.get("arg"), no_default.get(), no_default.get(99))
    no_default.set(None)
    print("set to None:", no_default.get("ignored"))
    with_default.set([1, 2])
    v = with_default.get()
    v.append(3)
    print("values are shared, not copied:", with_default.get())

asyncio.run(main())
