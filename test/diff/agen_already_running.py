import asyncio

async def slow():
    try:
        yield "a"
        await asyncio.sleep(0.05)
        yield "b"
    finally:
        print("slow finally")

async def main():
    g = slow()
    print(await anext(g))
    first = asyncio.ensure_future(anext(g))
    await asyncio.sleep(0)
    for name, make in [("anext", lambda: anext(g)), ("athrow", lambda: g.athrow(ValueError("x"))), ("aclose", lambda: g.aclose())]:
        try:
            await make()
        except RuntimeError as e:
            print(name, "->", e)
    print("first got", await first)
    aw = anext(g)
    try:
        await aw
    except StopAsyncIteration:
        print("exhausted")
    try:
        await aw
    except RuntimeError as e:
        print("reuse ->", str(e).replace("__anext__()", "anext()"))  # the method is anext() in asyncio-ts

asyncio.run(main())
