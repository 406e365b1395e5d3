import asyncio

async def who():
    t = asyncio.current_task()
    return t.get_name()

async def main():
    me = asyncio.current_task()
    print("main is", me.get_name())
    t1 = asyncio.create_task(who())
    t2 = asyncio.get_running_loop().create_task(who(), name="custom")
    t3 = asyncio.ensure_future(who())
    print(await t1, await t2, await t3)
    t2.set_name("renamed")
    print(t2.get_name())
    res = await asyncio.gather(who(), who())
    print(res)
    t4 = asyncio.create_task(who())
    print(t4.get_name())
    print("current task in callback:", end=" ")
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(lambda: (print(asyncio.current_task(loop)), fut.set_result(None)))
    await fut
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    coro = who()
    t5 = asyncio.create_task(coro)
    print("get_coro is coro:", t5.get_coro() is coro)
    await t5
    print("all tasks now:", sorted(t.get_name() for t in asyncio.all_tasks()))

asyncio.run(main())
