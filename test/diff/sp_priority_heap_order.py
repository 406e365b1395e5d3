import asyncio

async def main():
    # Python's heap order decides ties between equal priorities: the port must match it.
    pq = asyncio.PriorityQueue()
    for i, prio in enumerate([3, 1, 3, 2, 1, 3, 2, 1, 3, 3]):
        pq.put_nowait((prio, i))
    print([pq.get_nowait() for _ in range(pq.qsize())])
    pq2 = asyncio.PriorityQueue()
    data = [17, 3, 99, 3, 42, 0, 17, 8, 65, 23, 3, 1, 99, 54, 0]
    for x in data:
        pq2.put_nowait(x)
    half = [pq2.get_nowait() for _ in range(7)]
    for x in [5, 100, 2]:
        pq2.put_nowait(x)
    rest = [pq2.get_nowait() for _ in range(pq2.qsize())]
    print(half, rest)

asyncio.run(main())
