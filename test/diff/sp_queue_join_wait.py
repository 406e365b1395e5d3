import asyncio

async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    joined = asyncio.create_task(q.join())
    await asyncio.sleep(0)
    print("join waits while tasks are unfinished:", not joined.done())
    for i in range(3):
        q.get_nowait()
        q.task_done()
        await asyncio.sleep(0)
        print("after task_done", i, "joined:", joined.done())
    q.put_nowait("again")
    j2 = asyncio.create_task(q.join())
    await asyncio.sleep(0)
    print("a new put re-arms join:", not j2.done())
    q.get_nowait(); q.task_done()
    await j2
    print("done; empty:", q.empty())

asyncio.run(main())
