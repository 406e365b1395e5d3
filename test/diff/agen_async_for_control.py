import asyncio

async def count(n, tag):
    for i in range(n):
        await asyncio.sleep(0)
        yield f"{tag}{i}"

async def find(target):
    async for x in count(10, "f"):
        if x == target:
            return "found " + x
    return "not found"

async def main():
    out = []
    async for x in count(6, "a"):
        if x == "a1":
            continue
        if x == "a4":
            break
        out.append(x)
    print(out)
    pairs = []
    async for x in count(3, "o"):
        async for y in count(3, "i"):
            if y == "i2":
                break
            pairs.append(x + y)
    print(pairs)
    print(await find("f3"))
    print(await find("zz"))
    print([x async for x in count(3, "c")])
    print([x.upper() async for x in count(4, "u") if x != "u2"])
    g = count(2, "d")
    print(await anext(g), await anext(g), await anext(g, "default"))
    it = aiter(count(2, "e"))
    print(await anext(it))
    for bad in [5, None, "text", [1, 2]]:
        try:
            async for _ in bad:
                pass
        except TypeError:
            print("TypeError for", type(bad).__name__)
    try:
        await anext(7)
    except TypeError:
        print("anext TypeError")

asyncio.run(main())
