import asyncio
import contextvars

with_default = contextvars.ContextVar("with_default", default="D")
without = contextvars.ContextVar("without")

async def main():
    print(with_default.get(), with_default.get("arg wins"), without.get("arg"))
    try:
        without.get()
    except LookupError:
        print("LookupError without value or default")
    t = without.set(None)
    print("None is a value:", without.get("unused"))
    without.reset(t)
    print("name:", with_default.name, without.name)
    ctx = contextvars.copy_context()
    print("defaults are not stored in contexts:", with_default in ctx, len(ctx))
    print("Context.get with a default:", ctx.get(without, "ctx default"), ctx.get(with_default))

asyncio.run(main())
