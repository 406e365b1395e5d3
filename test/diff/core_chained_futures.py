import asyncio

async def main():
    loop = asyncio.get_running_loop()
    a, b, c = loop.create_future(), loop.create_future(), loop.create_future()
    a.add_done_callback(lambda f: b.set_result(f.result() + 1))
    b.add_done_callback(lambda f: c.set_result(f.result() * 10))
    log = []
    c.add_done_callback(lambda f: log.append("c done"))
    loop.call_soon(log.append, "tick 1")
    a.set_result(1)
    loop.call_soon(log.append, "tick 2")
    print(await c, log)
    await asyncio.sleep(0)
    print(log)

asyncio.run(main())
