import asyncio

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result("was done")
    soon = loop.create_future()
    loop.call_soon(soon.set_result, "set by call_soon")
    pending = asyncio.create_task(asyncio.sleep(1, "too slow"))
    for aw in asyncio.as_completed([done, soon, pending], timeout=0):
        try:
            print("got", await aw)
        except TimeoutError:
            print("TimeoutError")
    pending.cancel()
    # only finished futures, timeout 0: every item has a result
    a = loop.create_future()
    a.set_result(1)
    print([await aw for aw in asyncio.as_completed([a], timeout=0)])

asyncio.run(main())
