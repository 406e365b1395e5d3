import asyncio

log = []

async def worker(name, pattern):
    for step, d in enumerate(pattern):
        log.append("%s%d" % (name, step))
        if d is None:
            await asyncio.sleep(0)
        else:
            await asyncio.sleep(d)
    log.append(name + "!")

async def main():
    loop = asyncio.get_running_loop()
    tasks = [
        asyncio.create_task(worker("A", [None, 0.1, None, None])),
        asyncio.create_task(worker("B", [0.02, None, 0.04])),
        asyncio.create_task(worker("C", [None, None, None, None, None])),
    ]
    loop.call_soon(log.append, "cb1")
    loop.call_later(0.03, log.append, "t30")
    await asyncio.gather(*tasks)
    print(" ".join(log))

asyncio.run(main())
