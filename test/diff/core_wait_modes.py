import asyncio

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name

def names(tasks):
    return sorted(t.get_name() for t in tasks)

async def main():
    def make():
        return [asyncio.create_task(job("fast", 0.02), name="fast"),
                asyncio.create_task(job("bad", 0.06, True), name="bad"),
                asyncio.create_task(job("slow", 0.15), name="slow")]
    for mode in [asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED]:
        tasks = make()
        done, pending = await asyncio.wait(tasks, return_when=mode)
        print(mode, names(done), names(pending))
        await asyncio.wait(tasks)
    tasks = make()
    done, pending = await asyncio.wait(tasks, timeout=0.1)
    print("timeout", names(done), names(pending), "pending cancelled:", [t.cancelled() for t in pending])
    done, pending = await asyncio.wait(pending)
    print("rest", names(done), names(pending))
    ok = [asyncio.create_task(job("a", 0.02)), asyncio.create_task(job("b", 0.06))]
    done, pending = await asyncio.wait(ok, return_when=asyncio.FIRST_EXCEPTION)
    print("no exception", len(done), len(pending))
    for bad in [[]]:
        try:
            await asyncio.wait(bad)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    try:
        await asyncio.wait(ok, return_when="bogus")
    except ValueError as e:
        print(type(e).__name__, e)
    coro = job("c", 0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print(type(e).__name__, e)
    coro.close()

asyncio.run(main())
