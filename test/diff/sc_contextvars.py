import asyncio
import contextvars

request = contextvars.ContextVar("request", default="none")
user = contextvars.ContextVar("user")

async def handler(name):
    print(name, "sees at start:", request.get())
    request.set(name)
    await asyncio.sleep(0)
    print(name, "sees after set:", request.get())
    return request.get()

async def main():
    request.set("main")
    results = await asyncio.gather(handler("a"), handler("b"))
    print("results", results, "main still sees", request.get())
    loop = asyncio.get_running_loop()
    request.set("before call_soon")
    fut = loop.create_future()
    loop.call_soon(lambda: (print("callback sees", request.get()), fut.set_result(None)))
    request.set("after call_soon")
    await fut
    ctx = contextvars.copy_context()
    def in_ctx():
        request.set("changed inside run")
        return request.get()
    print("run:", ctx.run(in_ctx), "| outside:", request.get(), "| ctx keeps it:", ctx[request])
    token = user.set("alice")
    print(user.get())
    user.reset(token)
    try:
        user.get()
    except LookupError:
        print("LookupError after reset; default arg:", user.get("anon"))
    try:
        user.reset(token)
    except RuntimeError as e:
        print("RuntimeError: token used twice:", "has already been used" in str(e))
    t2 = request.set("x")
    try:
        contextvars.copy_context().run(request.reset, t2)
    except ValueError as e:
        print("ValueError:", "different Context" in str(e))
    try:
        user.reset(t2)
    except ValueError as e:
        print("ValueError:", "different ContextVar" in str(e))

asyncio.run(main())
