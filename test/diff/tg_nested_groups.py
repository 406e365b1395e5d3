import asyncio

def describe(e):
    if isinstance(e, BaseExceptionGroup):
        return type(e).__name__ + "[" + ", ".join(sorted(describe(x) for x in e.exceptions)) + "]"
    return f"{type(e).__name__}({e})"

async def fail(msg, delay):
    await asyncio.sleep(delay)
    raise ValueError(msg)

async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "done")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail("inner failure", 0.02))
        tg.create_task(worker("inner sibling", 1))
    print("inner group: not reached")

async def main():
    # results from nested groups
    async with asyncio.TaskGroup() as outer:
        a = outer.create_task(worker("a", 0.01))
        async with asyncio.TaskGroup() as inner:
            b = inner.create_task(worker("b", 0.02))
        print("inner group exited; a done:", a.done(), "b done:", b.done())
        c = outer.create_task(worker("c", 0.01))
    print("results:", a.result(), b.result(), c.result())
    # an inner group failing inside the outer body
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(worker("outer sibling", 1))
            await inner_group()
    except ExceptionGroup as eg:
        print(describe(eg))
    # an inner group failing inside an outer child, with another outer child failing
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(inner_group())
            outer.create_task(fail("outer failure", 0.04))
    except ExceptionGroup as eg:
        print(describe(eg))

asyncio.run(main())
