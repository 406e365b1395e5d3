import asyncio

async def fail():
    await asyncio.sleep(0.01)
    raise ValueError("child failed")

async def main():
    task = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("body swallowed the group's cancellation; cancelling:", task.cancelling())
            await asyncio.sleep(0.01)
            print("body awaited again without being cancelled")
            coro = asyncio.sleep(0)
            try:
                tg.create_task(coro)
            except RuntimeError as e:
                coro.close()
                print("create_task now refused; 'shutting down':", "shutting down" in str(e))
    except ExceptionGroup as eg:
        print("group still raised:", [str(e) for e in eg.exceptions])
    print("cancelling after the group:", task.cancelling())
    await asyncio.sleep(0.01)
    print("main continues")

asyncio.run(main())
