import asyncio

class BareYield:
    # A bare `yield` inside a coroutine: gives the loop one turn.
    def __await__(self):
        yield

async def ticker(name, n):
    for i in range(n):
        print(name, "tick", i)
        await asyncio.sleep(0)
    print(name, "done")
    return name

async def bare_ticker(name, n):
    for i in range(n):
        print(name, "bare", i)
        await BareYield()
    print(name, "done")
    return name

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "cb A")
    t1 = asyncio.create_task(ticker("t1", 3))
    t2 = asyncio.create_task(bare_ticker("t2", 1))
    loop.call_soon(print, "cb B")
    t3 = asyncio.create_task(bare_ticker("t3", 2))
    print("main before first sleep(0)")
    await asyncio.sleep(0)
    print("main after 1st sleep(0)")
    loop.call_soon(print, "cb C")
    await BareYield()
    print("main after bare yield")
    t4 = asyncio.create_task(ticker("t4", 2))
    await asyncio.sleep(0)
    print("main after 2nd sleep(0)")
    print("done flags:", t1.done(), t2.done(), t3.done(), t4.done())
    r = await t4
    print("t4 result", r)
    print("done flags:", t1.done(), t2.done(), t3.done(), t4.done())
    print([t.result() for t in (t1, t2, t3, t4)])

asyncio.run(main())
