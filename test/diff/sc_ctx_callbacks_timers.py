import asyncio
import contextvars

v = contextvars.ContextVar("v", default="root")

async def main():
    loop = asyncio.get_running_loop()
    seen = []
    v.set("at call_later")
    loop.call_later(0.01, lambda: seen.append(("timer", v.get())))
    v.set("at call_soon")
    loop.call_soon(lambda: seen.append(("soon", v.get())))
    def setter():
        v.set("set inside a callback")
        seen.append(("setter", v.get()))
    loop.call_soon(setter)
    loop.call_soon(lambda: seen.append(("after setter", v.get())))
    v.set("main later")
    await asyncio.sleep(0.02)
    print(seen)
    print("main:", v.get())
    async def child():
        v.set("child")
        t = asyncio.create_task(grandchild())
        return await t
    async def grandchild():
        return v.get()
    print("grandchild inherits from child:", await asyncio.create_task(child()), "main:", v.get())

asyncio.run(main())
