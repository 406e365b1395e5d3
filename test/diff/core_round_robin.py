import asyncio

async def rr(name, n, out):
    for i in range(n):
        out.append(name)
        await asyncio.sleep(0)

async def main():
    out = []
    await asyncio.gather(*(rr(c, 3 + i, out) for i, c in enumerate("abcd")))
    print("".join(out))
    out.clear()
    t = [asyncio.create_task(rr(c, 2, out)) for c in "xyz"]
    out.append("M")
    await asyncio.sleep(0)
    out.append("M")
    await asyncio.gather(*t)
    print("".join(out))

asyncio.run(main())
