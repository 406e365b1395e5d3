import asyncio

async def main():
    loop = asyncio.get_running_loop()
    done_f = loop.create_future()
    done_f.set_result(1)
    pending_f = loop.create_future()
    d, p = await asyncio.wait([done_f, pending_f], timeout=0)
    print("timeout=0:", len(d), len(p))
    d, p = await asyncio.wait([done_f, pending_f], return_when=asyncio.FIRST_COMPLETED)
    print("already done counts as first:", len(d), len(p))
    cancelled = asyncio.create_task(asyncio.sleep(5))
    loop.call_later(0.01, cancelled.cancel)
    d, p = await asyncio.wait([cancelled], return_when=asyncio.FIRST_EXCEPTION)
    print("cancelled task is done, not an exception:", len(d), [t.cancelled() for t in d])
    waiter = asyncio.create_task(asyncio.wait([pending_f]))
    await asyncio.sleep(0)
    waiter.cancel()
    try:
        await waiter
    except asyncio.CancelledError:
        print("cancelling wait() leaves the future alone:", pending_f.done())
    pending_f.set_result(2)

asyncio.run(main())
