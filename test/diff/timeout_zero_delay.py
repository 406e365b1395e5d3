import asyncio

async def main():
    loop = asyncio.get_running_loop()
    # no await inside: the deadline handler never gets to run
    async with asyncio.timeout(0) as cm:
        x = 1 + 1
    print("zero delay, no await: expired", cm.expired(), x)
    for delay in [0, -1]:
        cm = asyncio.timeout(delay)
        try:
            async with cm:
                print("delay", delay, "body starts")
                await asyncio.sleep(0)
                print("not reached")
        except TimeoutError:
            print("delay", delay, "-> TimeoutError at the first await; expired", cm.expired())
    # timeout_at now: same thing
    cm = asyncio.timeout_at(loop.time())
    try:
        async with cm:
            fut = loop.create_future()
            loop.call_soon(lambda: fut.done() or fut.set_result("value"))
            print("got", await fut)
    except TimeoutError:
        print("timeout_at(now) -> TimeoutError")
    print("cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
