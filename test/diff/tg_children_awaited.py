import asyncio

async def child(name, delay):
    await asyncio.sleep(delay)
    print("child", name, "done")
    return name.upper()

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(child("a", 0.03), name="first")
        t2 = tg.create_task(child("b", 0.01), name="second")
        t3 = tg.create_task(child("c", 0.02))
        print("body ends before the children")
    print("after the group: all done", all(t.done() for t in [t1, t2, t3]), "elapsed", round(loop.time() - t0, 1))
    print("results:", [t1.result(), t2.result(), t3.result()])
    print("names:", t1.get_name(), t2.get_name())
    # the body can also await the children itself
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(child("d", 0.01))
        print("awaited in body:", await t)
        u = tg.create_task(child("e", 0.01))
    print("late child result:", u.result())
    # an empty group
    async with asyncio.TaskGroup() as tg:
        pass
    print("empty group ok")

asyncio.run(main())
