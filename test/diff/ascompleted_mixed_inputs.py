import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result("already done")
    t = asyncio.create_task(job("task", 0.02))
    items = list(asyncio.as_completed([t, done, t, done]))
    print("duplicates collapse: items", len(items))
    for aw in items:
        print("->", await aw)
    print("empty input yields nothing:", list(asyncio.as_completed([])))
    # items are interchangeable: awaiting them out of order still gives completion order
    a = asyncio.create_task(job("a", 0.04))
    b = asyncio.create_task(job("b", 0.02))
    first, second = list(asyncio.as_completed([a, b]))
    print("second awaited first:", await second)
    print("then the first:", await first)
    try:
        list(asyncio.as_completed(loop.create_future()))
    except TypeError:
        print("a single future is refused: TypeError")

asyncio.run(main())
