import asyncio

async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    order = []
    async def waiter(name):
        try:
            await sem.acquire()
        except asyncio.CancelledError:
            order.append(name + " cancelled")
            raise
        order.append(name)
        await asyncio.sleep(0)
        sem.release()
    ws = {n: asyncio.create_task(waiter(n)) for n in "abcd"}
    await asyncio.sleep(0)
    ws["b"].cancel()
    sem.release()
    ws["a"].cancel()
    await asyncio.gather(*ws.values(), return_exceptions=True)
    print(order, "locked:", sem.locked())
    sem2 = asyncio.Semaphore(2)
    await sem2.acquire()
    print("value 2 after one acquire, locked:", sem2.locked())
    await sem2.acquire()
    print("after two:", sem2.locked())
    sem2.release(); sem2.release(); sem2.release()
    print("Semaphore may be released above its start:", sem2.locked())

asyncio.run(main())
