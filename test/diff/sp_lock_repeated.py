import asyncio

async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    print(await lock.acquire(), lock.locked())
    t = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print("second acquire waits:", not t.done())
    lock.release()
    print("after release, still locked for the waiter:", lock.locked())
    await t
    print("waiter has it:", t.result(), lock.locked())
    lock.release()
    print(lock.locked())

asyncio.run(main())
