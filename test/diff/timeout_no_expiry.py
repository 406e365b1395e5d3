import asyncio

async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    t0 = loop.time()
    async with asyncio.timeout(0.1) as cm:
        await asyncio.sleep(0.01)
        r = "done"
    print(r, "expired:", cm.expired(), "when offset:", round(cm.when() - t0, 1))
    async with asyncio.timeout(None) as cm2:
        await asyncio.sleep(0.01)
    print("when:", cm2.when(), "expired:", cm2.expired())
    async with asyncio.timeout(0.05) as cm3:
        pass
    print("no await inside: expired", cm3.expired())
    # the deadline timer is gone once the block is left
    await asyncio.sleep(0.15)
    print("slept past the old deadlines; cancelling:", task.cancelling(), "expired:", cm.expired(), cm3.expired())
    print("elapsed", round(loop.time() - t0, 1))

asyncio.run(main())
