import asyncio

async def main():
    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except TimeoutError:
        print("get timed out; getters left:", len(q._getters))
    q.put_nowait("later")
    print("item still there:", q.get_nowait())
    full = asyncio.Queue(1)
    full.put_nowait(1)
    try:
        await asyncio.wait_for(full.put(2), 0.01)
    except TimeoutError:
        print("put timed out; size:", full.qsize(), "putters left:", len(full._putters))
    async def delayed_put():
        await asyncio.sleep(0.01)
        q.put_nowait("arrived")
    asyncio.create_task(delayed_put())
    print("get within the limit:", await asyncio.wait_for(q.get(), 1))

asyncio.run(main())
