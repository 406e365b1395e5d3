import asyncio

async def main():
    cond = asyncio.Condition()
    buf = []
    consumed = []
    async def producer():
        for i in range(6):
            async with cond:
                while len(buf) >= 2:
                    await cond.wait()
                buf.append(i)
                cond.notify_all()
            await asyncio.sleep(0)
    async def consumer(name):
        while True:
            async with cond:
                await cond.wait_for(lambda: buf)
                item = buf.pop(0)
                cond.notify_all()
            if item is None:
                return
            consumed.append((name, item))
    cs = [asyncio.create_task(consumer(n)) for n in ("x", "y")]
    await producer()
    async with cond:
        buf.extend([None, None])
        cond.notify_all()
    await asyncio.gather(*cs)
    print(sorted(i for _, i in consumed), len(consumed))

asyncio.run(main())
