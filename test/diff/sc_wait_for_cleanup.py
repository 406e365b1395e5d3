import asyncio

async def slow_cleanup(log):
    try:
        await asyncio.sleep(1)
    finally:
        log.append("cleanup start")
        await asyncio.sleep(0.02)
        log.append("cleanup end")

async def main():
    loop = asyncio.get_running_loop()
    log = []
    t0 = loop.time()
    inner = asyncio.create_task(slow_cleanup(log))
    try:
        await asyncio.wait_for(inner, 0.01)
    except TimeoutError:
        log.append("TimeoutError after the cleanup: %s" % (loop.time() - t0 >= 0.03))
    print(log)
    print("inner finished its cleanup first:", inner.done(), inner.cancelled())
    async def returns_quickly():
        await asyncio.sleep(0.01)
        return "in time"
    print(await asyncio.wait_for(asyncio.create_task(returns_quickly()), 0.1))
    async def raises():
        await asyncio.sleep(0)
        raise ValueError("inner error")
    try:
        await asyncio.wait_for(asyncio.create_task(raises()), 1)
    except ValueError as e:
        print("inner error passes through:", e)

asyncio.run(main())
