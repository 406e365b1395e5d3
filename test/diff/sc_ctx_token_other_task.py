import asyncio
import contextvars

v = contextvars.ContextVar("v", default="default")

async def main():
    token = v.set("set in main")
    async def other():
        try:
            v.reset(token)
        except ValueError as e:
            return "ValueError: different Context: " + str("different Context" in str(e))
    print(await asyncio.create_task(other()))
    v.reset(token)
    print("reset in the right context:", v.get())
    async def own():
        t = v.set("child value")
        inner = v.get()
        v.reset(t)
        return inner, v.get()
    print(await asyncio.create_task(own()))
    print("token info:", token.var is v, token.old_value is contextvars.Token.MISSING)

asyncio.run(main())
