import asyncio

cancelled = []

def report():
    print("cancelled:", sorted(cancelled))
    cancelled.clear()

async def job(name, d):
    try:
        await asyncio.sleep(d)
        return name
    except asyncio.CancelledError:
        cancelled.append(name)
        raise

async def main():
    try:
        async with asyncio.timeout(0.05):
            print(await asyncio.gather(job("a", 0.01), job("b", 0.02)))
            await asyncio.gather(job("c", 0.01), job("d", 1))
    except TimeoutError:
        print("timeout reached inside gather"); report()
    try:
        await asyncio.wait_for(asyncio.gather(job("e", 1), job("f", 1)), 0.01)
    except TimeoutError:
        print("wait_for around gather timed out"); report()
    async with asyncio.timeout(1):
        async with asyncio.TaskGroup() as tg:
            t = tg.create_task(job("g", 0.01))
    print("group inside timeout:", t.result())
    try:
        async with asyncio.timeout(0.01):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(job("h", 1))
                tg.create_task(job("i", 1))
    except TimeoutError:
        print("timeout around a task group: TimeoutError, not ExceptionGroup"); report()

asyncio.run(main())
