import asyncio

async def main():
    pq = asyncio.PriorityQueue()
    for w in ["banana", "Apple", "cherry", "apple", "Banana", "", "b"]:
        pq.put_nowait(w)
    print([pq.get_nowait() for _ in range(pq.qsize())])
    pq2 = asyncio.PriorityQueue()
    for t in [(2, 1, "x"), (1, 9), (2, 0, "y"), (1, 9, "longer"), (0,)]:
        pq2.put_nowait(t)
    print([pq2.get_nowait() for _ in range(pq2.qsize())])
    pq3 = asyncio.PriorityQueue()
    for x in [3.5, -1, 2.5, 0.5, -7.25]:
        pq3.put_nowait(x)
    print([pq3.get_nowait() for _ in range(pq3.qsize())])
    pq4 = asyncio.PriorityQueue(2)
    await pq4.put((5, "five")); await pq4.put((1, "one"))
    t = asyncio.create_task(pq4.put((3, "three")))
    await asyncio.sleep(0)
    print("bounded priority queue blocks:", not t.done(), await pq4.get())
    await t
    print([await pq4.get() for _ in range(2)])

asyncio.run(main())
