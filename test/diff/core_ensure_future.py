import asyncio

async def coro_fn():
    await asyncio.sleep(0)
    return "coro"

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.ensure_future(coro_fn())
    print(type(t).__name__, await t)
    f = loop.create_future()
    print("same future:", asyncio.ensure_future(f) is f)
    print("same task:", asyncio.ensure_future(t) is t)
    f.set_result(1)
    print(await asyncio.ensure_future(f))
    for bad in (42, None, "str"):
        try:
            asyncio.ensure_future(bad)
        except TypeError as e:
            print("TypeError:", e)
    print("isfuture:", asyncio.isfuture(f), asyncio.isfuture(t), asyncio.isfuture(42))
    c = coro_fn()
    print("iscoroutine:", asyncio.iscoroutine(c), asyncio.iscoroutine(coro_fn), asyncio.iscoroutine(f))
    await c

asyncio.run(main())
