import asyncio

async def child():
    await asyncio.sleep(0)
    print("child finishing")
    return "child"

async def awaiter(t, name):
    r = await t
    print(name, "got", r)

async def main():
    t = asyncio.create_task(child())
    t.add_done_callback(lambda f: print("callback 1, result", f.result()))
    a1 = asyncio.create_task(awaiter(t, "awaiter 1"))
    await asyncio.sleep(0)
    t.add_done_callback(lambda f: print("callback 2"))
    a2 = asyncio.create_task(awaiter(t, "awaiter 2"))
    await asyncio.gather(a1, a2)
    t.add_done_callback(lambda f: print("callback 3 on done task"))
    print("before yielding")
    await asyncio.sleep(0)
    print("after yielding")

asyncio.run(main())
