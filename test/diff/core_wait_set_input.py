import asyncio

async def main():
    tasks = {asyncio.create_task(asyncio.sleep(d / 25, d)) for d in (3, 1, 2)}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(type(done).__name__, [t.result() for t in done], len(pending))
    done2, pending2 = await asyncio.wait(pending)
    print(sorted(t.result() for t in done2), len(pending2))
    print("original set untouched:", len(tasks))
    gen_tasks = (t for t in tasks)
    try:
        await asyncio.wait(gen_tasks)
    except TypeError:
        print("a generator is refused: it looks like a coroutine")

asyncio.run(main())
