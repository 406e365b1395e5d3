import asyncio

async def main():
    ev = asyncio.Event()
    log = []
    async def waiter(name):
        log.append(name + " waits")
        await ev.wait()
        log.append(name + " woke")
    ts = [asyncio.create_task(waiter(n)) for n in "abc"]
    await asyncio.sleep(0)
    print("is_set:", ev.is_set())
    ev.set()
    ev.set()
    await asyncio.gather(*ts)
    print(log)
    print("wait on set event returns at once:", await ev.wait())
    ev.clear()
    w = asyncio.create_task(ev.wait())
    await asyncio.sleep(0.01)
    print("after clear, waiting:", not w.done())
    w.cancel()
    await asyncio.gather(w, return_exceptions=True)

    cond = asyncio.Condition()
    items = []
    out = []
    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: items)
            out.append((name, items.pop(0)))
    cs = [asyncio.create_task(consumer(n)) for n in ("c1", "c2", "c3")]
    await asyncio.sleep(0)
    async with cond:
        items.extend([1, 2])
        cond.notify(2)
    await asyncio.sleep(0.01)
    print("after notify(2):", out)
    async with cond:
        items.append(3)
        cond.notify_all()
    await asyncio.gather(*cs)
    print("after notify_all:", out)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)
    lock = asyncio.Lock()
    cond2 = asyncio.Condition(lock)
    async with cond2:
        print("shared lock held:", lock.locked())
    async def cancelled_waiter():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                print("cancelled in wait, lock re-acquired:", cond.locked())
                raise
    cw = asyncio.create_task(cancelled_waiter())
    await asyncio.sleep(0)
    cw.cancel()
    await asyncio.gather(cw, return_exceptions=True)
    print("lock free again:", not cond.locked())

asyncio.run(main())
