import asyncio

async def noop():
    await asyncio.sleep(0)

async def main():
    async with asyncio.TaskGroup() as tg:
        named = [tg.create_task(noop(), name=f"worker-{i}") for i in range(3)]
        print([t.get_name() for t in named])
        print("running in group:", sorted(t.get_name() for t in asyncio.all_tasks() if t.get_name().startswith("worker")))
    print("after group:", [t.done() for t in named])

asyncio.run(main())
