import asyncio

async def main():
    b = asyncio.Barrier(3)
    t1 = asyncio.create_task(b.wait())
    t2 = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    print("waiting:", b.n_waiting)
    t1.cancel()
    await asyncio.gather(t1, return_exceptions=True)
    print("after a cancelled waiter:", b.n_waiting, "broken:", b.broken)
    t3 = asyncio.create_task(b.wait())
    t4 = asyncio.create_task(b.wait())
    res = await asyncio.gather(t2, t3, t4)
    print("passed with indexes", sorted(res))
    await b.abort()
    try:
        await b.wait()
    except asyncio.BrokenBarrierError:
        print("wait on a broken barrier: BrokenBarrierError")
    await b.reset()
    print("reset un-breaks:", b.broken)

asyncio.run(main())
