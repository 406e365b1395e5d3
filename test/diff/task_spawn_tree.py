import asyncio

async def node(label, depth, fanout):
    print("enter", label)
    children = []
    if depth > 0:
        for i in range(fanout):
            children.append(asyncio.create_task(node(label + str(i), depth - 1, fanout)))
        print(label, "spawned", len(children))
    await asyncio.sleep(0)
    print("after yield", label)
    total = 1
    for c in children:
        total += await c
    print("leave", label, total)
    return total

async def fire_and_forget(label, out):
    print("ff start", label)
    await asyncio.sleep(0)
    out.append(label)
    if len(label) < 3:
        asyncio.create_task(fire_and_forget(label + "x", out))
    print("ff end", label)

async def main():
    total = await asyncio.create_task(node("r", 2, 2))
    print("total nodes:", total)
    out = []
    asyncio.create_task(fire_and_forget("f", out))
    for i in range(6):
        await asyncio.sleep(0)
        print("main turn", i, out)

asyncio.run(main())
