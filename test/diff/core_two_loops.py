import asyncio

async def work(tag):
    await asyncio.sleep(0.01)
    return tag

def main():
    l1 = asyncio.new_event_loop()
    l2 = asyncio.new_event_loop()
    t1 = l1.create_task(work("one"))
    t2 = l2.create_task(work("two"))
    print("tasks per loop:", len(asyncio.all_tasks(l1)), len(asyncio.all_tasks(l2)))
    print(l1.run_until_complete(t1))
    print("t2 untouched while l1 ran:", t2.done())
    print(l2.run_until_complete(t2))
    f = l1.create_future()
    async def await_foreign():
        await f
    try:
        l2.run_until_complete(await_foreign())
    except RuntimeError as e:
        print("RuntimeError mentions a different loop:", "attached to a different loop" in str(e))
    l1.close()
    l2.close()

main()
