import asyncio

async def faulty(fail_at):
    try:
        for i in range(5):
            await asyncio.sleep(0)
            if i == fail_at:
                raise ValueError(f"failed at {i}")
            yield i
    finally:
        print("faulty finally", fail_at)

async def leaky():
    yield 1
    raise StopAsyncIteration

async def main():
    got = []
    try:
        async for x in faulty(2):
            got.append(x)
    except ValueError as e:
        print("loop raised", e, "after", got)
    g = faulty(0)
    try:
        await anext(g)
    except ValueError as e:
        print("anext raised", e)
    try:
        await anext(g)
    except StopAsyncIteration:
        print("then StopAsyncIteration")
    l = leaky()
    print(await anext(l))
    try:
        await anext(l)
    except RuntimeError as e:
        print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__)

asyncio.run(main())
