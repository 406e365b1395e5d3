import asyncio

async def job(n):
    await asyncio.sleep(0.01 * n)
    return n

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(job(n)) for n in (3, 1, 2)]
        done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        print("first done inside the group:", [t.result() for t in done], len(pending))
        print("gather inside the group:", await asyncio.gather(*tasks))
    print("all done:", all(t.done() for t in tasks))

asyncio.run(main())
