import asyncio

async def child():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()

async def main(label):
    me = asyncio.current_task().get_name()
    t = asyncio.create_task(child())
    print(label, "main:", me, "child:", t.get_name(), "child sees:", await t)
    return me

first = asyncio.run(main("run 1"))
second = asyncio.run(main("run 2"))
third = asyncio.run(main("run 3"))
print("main names:", first, second, third)
