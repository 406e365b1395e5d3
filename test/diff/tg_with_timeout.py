import asyncio

async def child(name, delay, verbose=True):
    try:
        await asyncio.sleep(delay)
        print(name, "done")
        return name
    except asyncio.CancelledError:
        if verbose:
            print(name, "cancelled")
        raise

async def fail(delay):
    await asyncio.sleep(delay)
    raise ValueError("child failed first")

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    # a timeout around a group: the children are cancelled, TimeoutError comes out
    try:
        async with asyncio.timeout(0.05) as cm:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child("quick", 0.01))
                tg.create_task(child("slow", 1))
    except TimeoutError:
        print("TimeoutError around the group; expired:", cm.expired(), "elapsed", round(loop.time() - t0, 1))
    # a child failure before the deadline wins
    try:
        async with asyncio.timeout(0.1) as cm:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child("slow", 1))
                tg.create_task(fail(0.01))
    except TimeoutError:
        print("wrong: TimeoutError")
    except ExceptionGroup as eg:
        print("ExceptionGroup:", [str(e) for e in eg.exceptions], "expired:", cm.expired())
    # a timeout inside the group body, handled there: the group carries on
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(child("background", 0.06))
        try:
            async with asyncio.timeout(0.02):
                await asyncio.sleep(1)
        except TimeoutError:
            print("body timed out, group continues; background done:", t.done())
    print("background result:", t.result())
    # a timeout inside a child: the child handles it, siblings unaffected
    async def patient():
        try:
            async with asyncio.timeout(0.02):
                await asyncio.sleep(1)
        except TimeoutError:
            print("child timed out on its own")
            return "recovered"
    async with asyncio.TaskGroup() as tg:
        p = tg.create_task(patient())
        q = tg.create_task(child("sibling", 0.04))
    print(p.result(), q.result())

asyncio.run(main())
