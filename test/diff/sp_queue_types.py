import asyncio

async def main():
    q = asyncio.Queue()
    items = [None, 0, "", [1, 2], (3, 4), {"k": "v"}, 1.5, True]
    for x in items:
        q.put_nowait(x)
    out = [q.get_nowait() for _ in range(q.qsize())]
    print(len(out), out[0] is None, out[3] == [1, 2], out[5]["k"], out[-1])
    same = object()
    q.put_nowait(same)
    print("identity kept:", q.get_nowait() is same)
    q.put_nowait(None)
    print("None is an item, not a sentinel:", q.qsize(), q.get_nowait(), q.empty())

asyncio.run(main())
