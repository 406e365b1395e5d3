import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    log = []
    async def waiter(name):
        await fut
        log.append(name)
    tasks = [asyncio.create_task(waiter(n)) for n in "abc"]
    await asyncio.sleep(0)
    late = asyncio.create_task(waiter("late"))
    fut.add_done_callback(lambda f: log.append("callback"))
    await asyncio.sleep(0)
    fut.set_result(None)
    log.append("set")
    await asyncio.gather(*tasks, late)
    print(log)

asyncio.run(main())
