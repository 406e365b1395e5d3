import asyncio

async def main():
    pq = asyncio.PriorityQueue()
    for item in [5, 1, 4, 1, 3, 9, 2, 6, 5, 3]:
        pq.put_nowait(item)
    print([pq.get_nowait() for _ in range(pq.qsize())])
    pq2 = asyncio.PriorityQueue()
    for item in [(2, "b"), (1, "z"), (2, "a"), (1, "y"), (3, "c")]:
        pq2.put_nowait(item)
    print([pq2.get_nowait() for _ in range(pq2.qsize())])
    pq3 = asyncio.PriorityQueue()
    for w in ["pear", "apple", "fig", "apple"]:
        pq3.put_nowait(w)
    print([pq3.get_nowait() for _ in range(4)])
    pq4 = asyncio.PriorityQueue()
    for item in [(1, 2), (1,), (0, 5, 1), (1, 1)]:
        pq4.put_nowait(item)
    print([pq4.get_nowait() for _ in range(4)])
    lq = asyncio.LifoQueue()
    for i in range(5):
        await lq.put(i)
    print([await lq.get() for _ in range(5)])
    pq5 = asyncio.PriorityQueue()
    pq5.put_nowait((1, "x"))
    try:
        pq5.put_nowait((1, 2))
    except TypeError:
        print("TypeError comparing str and int")

asyncio.run(main())
