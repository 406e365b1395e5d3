import asyncio

async def maybe(n):
    await asyncio.sleep(0.001 * n)
    if n % 3 == 0:
        raise ValueError(f"bad {n}")
    return n

async def gathered(*aws, **kw):
    return await asyncio.gather(*aws, **kw)

async def main():
    # gather inside a group: gather's own error handling first, then the group's.
    async with asyncio.TaskGroup() as tg:
        g = tg.create_task(gathered(*(maybe(n) for n in range(1, 7)), return_exceptions=True))
    print([r if isinstance(r, int) else str(r) for r in g.result()])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(gathered(maybe(1), maybe(3)))
            tg.create_task(maybe(2))
    except ExceptionGroup as eg:
        print("the failed gather's first error reaches the group:", [str(e) for e in eg.exceptions])

asyncio.run(main())
