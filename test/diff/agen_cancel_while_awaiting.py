import asyncio

async def slow_numbers():
    try:
        for i in range(10):
            print("producing", i)
            yield i
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("generator saw CancelledError while awaiting")
                raise
    finally:
        print("generator finally")
        await asyncio.sleep(0)
        print("generator cleanup awaited")

async def consumer(g):
    try:
        async for x in g:
            print("consumer got", x)
    except asyncio.CancelledError:
        print("consumer cancelled")
        raise

async def main():
    g = slow_numbers()
    t = asyncio.create_task(consumer(g))
    await asyncio.sleep(0.05)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled())
    try:
        await anext(g)
    except StopAsyncIteration:
        print("generator is finished")

    async def waits_in_gen():
        try:
            yield "ready"
            await asyncio.sleep(10)
            yield "never"
        finally:
            print("waits_in_gen finally")
    w = waits_in_gen()
    print(await anext(w))
    try:
        await asyncio.wait_for(anext(w), 0.05)
    except TimeoutError:
        print("wait_for timed out")
    try:
        await anext(w)
    except StopAsyncIteration:
        print("w finished")

asyncio.run(main())
