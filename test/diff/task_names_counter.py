import asyncio

async def my_name():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()

async def main():
    loop = asyncio.get_running_loop()
    print("main:", asyncio.current_task().get_name())
    a = asyncio.create_task(my_name())
    # A name given to loop.create_task takes no number from the counter.
    # (asyncio.create_task(name=...) took one in 3.11 but not in 3.13: not tested.)
    b = loop.create_task(my_name(), name="named-b")
    c = loop.create_task(my_name())
    d = asyncio.ensure_future(my_name())
    print("created:", a.get_name(), b.get_name(), c.get_name(), d.get_name())
    print("from inside:", await a, await b, await c, await d)
    # gather wraps each coroutine in a task, in order
    print("gather:", await asyncio.gather(my_name(), my_name(), a))
    # ensure_future of an existing task makes no new task
    same = asyncio.ensure_future(a)
    print("ensure_future(task) is task:", same is a)
    # shield wraps a coroutine in a task
    print("shield:", await asyncio.shield(my_name()))
    e = loop.create_task(my_name(), name="")
    f = asyncio.create_task(my_name())
    print("empty name:", repr(e.get_name()), "next default:", f.get_name())
    f.set_name("renamed-f")
    print("renamed before it runs, it sees:", await f)
    await e
    g = asyncio.create_task(my_name())
    print("next:", g.get_name())
    await g
    h = asyncio.create_task(my_name(), name="last")
    print("last:", h.get_name(), await h)

asyncio.run(main())
