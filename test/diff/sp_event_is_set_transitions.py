import asyncio

async def main():
    ev = asyncio.Event()
    states = [ev.is_set()]
    ev.set(); states.append(ev.is_set())
    ev.set(); states.append(ev.is_set())
    ev.clear(); states.append(ev.is_set())
    ev.clear(); states.append(ev.is_set())
    print(states)
    async def setter():
        await asyncio.sleep(0.01)
        ev.set()
    asyncio.create_task(setter())
    print("wait returns", await ev.wait(), "after the setter ran")
    waiters = [asyncio.create_task(ev.wait()) for _ in range(3)]
    await asyncio.sleep(0)
    print("set event: waiters finish without suspending:", [w.done() for w in waiters])

asyncio.run(main())
