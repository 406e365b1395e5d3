import asyncio

async def catcher():
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print("catcher caught", e)
            n += 100
        n += 1

async def once():
    try:
        yield "only"
    except KeyError as e:
        print("once caught", repr(e.args[0]))

async def main():
    c = catcher()
    print(await anext(c))
    print("athrow gave", await c.athrow(ValueError("v1")))
    print(await anext(c))
    try:
        await c.athrow(TypeError("t1"))
    except TypeError as e:
        print("athrow re-raised TypeError", e)
    try:
        await anext(c)
    except StopAsyncIteration:
        print("catcher finished")

    o = once()
    print(await anext(o))
    try:
        await o.athrow(KeyError("k"))
    except StopAsyncIteration:
        print("once: athrow ended it with StopAsyncIteration")

    fresh = catcher()
    try:
        await fresh.athrow(ValueError("before start"))
    except ValueError as e:
        print("fresh athrow raised", e)
    try:
        await anext(fresh)
    except StopAsyncIteration:
        print("fresh is finished")
    print("athrow on finished:", await fresh.athrow(ValueError("late")))

asyncio.run(main())
