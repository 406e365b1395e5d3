import asyncio

async def leaf(v, d):
    await asyncio.sleep(d)
    return v

async def subtree(base):
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(leaf(base + i, 0.001 * (3 - i))) for i in range(3)]
    return sum(t.result() for t in ts)

async def main():
    async with asyncio.TaskGroup() as tg:
        subs = [tg.create_task(subtree(b)) for b in (0, 10, 20)]
        print("created", len(subs), "subtrees")
    print([s.result() for s in subs], sum(s.result() for s in subs))
    async with asyncio.TaskGroup() as tg:
        pass
    print("empty group exits at once")
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(leaf("named", 0), name="child")
        print("name:", t.get_name())
    order = []
    async def rec(tag, d):
        await asyncio.sleep(d)
        order.append(tag)
    async with asyncio.TaskGroup() as tg:
        for tag, d in [("c", 0.03), ("a", 0.01), ("b", 0.02)]:
            tg.create_task(rec(tag, d))
        order.append("body end")
    print(order)

asyncio.run(main())
