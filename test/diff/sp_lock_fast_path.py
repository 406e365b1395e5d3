import asyncio

async def main():
    lock = asyncio.Lock()
    # Uncontended acquire does not suspend: no other task runs in between.
    ran = []
    t = asyncio.create_task(asyncio.sleep(0))
    t.add_done_callback(lambda f: ran.append("other task finished"))
    await lock.acquire()
    ran.append("acquired")
    lock.release()
    await lock.acquire()
    ran.append("acquired again")
    lock.release()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(ran)
    # Contended: the waiter suspends until release.
    await lock.acquire()
    events = []
    async def contender():
        events.append("contender waits")
        await lock.acquire()
        events.append("contender acquired")
        lock.release()
    c = asyncio.create_task(contender())
    await asyncio.sleep(0)
    events.append("main releases")
    lock.release()
    await c
    print(events)

asyncio.run(main())
