import asyncio

async def square(n):
    await asyncio.sleep(0.001 * (n % 5))
    return n * n

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(square(n)) for n in range(50)]
    print(sum(t.result() for t in tasks), all(t.done() for t in tasks))
    print("tasks left:", len(asyncio.all_tasks()) - 1)

asyncio.run(main())
