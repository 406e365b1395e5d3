import asyncio

async def work(delay, value, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(value)
    return value

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await asyncio.wait_for(work(0.1, "waited fully"), None))
    print("elapsed", round(loop.time() - t0, 1))
    try:
        await asyncio.wait_for(work(0.01, "boom", fail=True), None)
    except ValueError as e:
        print("error passes through:", str(e))
    try:
        await asyncio.wait_for(work(0.01, "boom with timeout", fail=True), 1)
    except ValueError as e:
        print("error passes through:", str(e))
    t = asyncio.create_task(work(0.01, "task"))
    print(await asyncio.wait_for(t, None), t.done())
    print("cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
