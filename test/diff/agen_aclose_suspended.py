import asyncio

async def resource(name):
    print(name, "open")
    try:
        yield 1
        yield 2
        print(name, "never here")
    finally:
        print(name, "closing")
        await asyncio.sleep(0.01)
        print(name, "closed")

async def main():
    g = resource("a")
    print("first", await anext(g))
    r = await g.aclose()
    print("aclose returned", r)
    try:
        await anext(g)
    except StopAsyncIteration:
        print("anext after aclose: StopAsyncIteration")
    print("second aclose", await g.aclose())

    fresh = resource("fresh")
    await fresh.aclose()
    print("fresh closed without running")
    try:
        await anext(fresh)
    except StopAsyncIteration:
        print("fresh anext: StopAsyncIteration")

    done = resource("done")
    async for x in done:
        print("done got", x)
    print("aclose on finished", await done.aclose())

    async def stubborn():
        try:
            yield "first"
        finally:
            print("stubborn finally yields")
            yield "again"
    s = stubborn()
    print(await anext(s))
    try:
        await s.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
