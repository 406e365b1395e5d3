import asyncio

async def accumulator():
    total = 0
    while True:
        value = yield total
        print("received", value)
        if value is None:
            break
        await asyncio.sleep(0)
        total += value
    print("accumulator done")

async def main():
    acc = accumulator()
    print("start", await acc.asend(None))
    print("after 5", await acc.asend(5))
    print("after 7", await acc.asend(7))
    try:
        await acc.asend(None)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    fresh = accumulator()
    try:
        await fresh.asend(1)
    except TypeError:
        print("TypeError for a value sent to a just-started generator")
    print("fresh still starts", await anext(fresh))

asyncio.run(main())
