import asyncio

def in_callback(cm, tg, fut):
    coro = cm.__aenter__()
    try:
        coro.send(None)
    except RuntimeError as e:
        print("Timeout entered outside a task -> RuntimeError:", str(e))
    coro = tg.__aenter__()
    try:
        coro.send(None)
    except RuntimeError as e:
        print("TaskGroup entered outside a task -> RuntimeError; 'parent task' in message:", "parent task" in str(e))
    fut.set_result(None)

async def main():
    loop = asyncio.get_running_loop()
    cm = asyncio.timeout(0.02)
    tg = asyncio.TaskGroup()
    fut = loop.create_future()
    loop.call_soon(in_callback, cm, tg, fut)
    await fut
    # the failed attempts left both usable inside a task
    try:
        async with cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("the same Timeout works inside a task afterwards")
    async with tg:
        t = tg.create_task(asyncio.sleep(0.01, "tg result"))
    print("the same TaskGroup works inside a task afterwards:", t.result())

asyncio.run(main())
