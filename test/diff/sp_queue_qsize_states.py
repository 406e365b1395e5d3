import asyncio

async def main():
    for maxsize in (0, 1, 3):
        q = asyncio.Queue(maxsize)
        states = [(q.qsize(), q.empty(), q.full())]
        for i in range(3):
            try:
                q.put_nowait(i)
            except asyncio.QueueFull:
                states.append("full")
                break
            states.append((q.qsize(), q.empty(), q.full()))
        print(maxsize, q.maxsize, states)
    lq = asyncio.LifoQueue(1)
    lq.put_nowait("x")
    print("lifo full:", lq.full())
    try:
        lq.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull on LifoQueue")
    pq = asyncio.PriorityQueue()
    try:
        pq.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty on PriorityQueue")

asyncio.run(main())
