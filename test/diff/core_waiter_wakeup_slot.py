import asyncio

# A task waiting on a future wakes in the slot the future took in the ready queue when it
# completed: after callbacks scheduled before, before those scheduled after, and a future
# shared by two waiters wakes both there, in the order they started waiting.
async def main():
    loop = asyncio.get_running_loop()
    log = []
    lone, shared = loop.create_future(), loop.create_future()

    async def waiter(name, future):
        log.append(f"{name} got {await future}")

    tasks = [asyncio.create_task(waiter("a", lone)), asyncio.create_task(waiter("b", shared)), asyncio.create_task(waiter("c", shared))]
    await asyncio.sleep(0)
    loop.call_soon(log.append, "soon before")
    lone.set_result("lone")
    loop.call_soon(log.append, "soon between")
    shared.set_result("shared")
    loop.call_soon(log.append, "soon after")
    await asyncio.gather(*tasks)
    print(log)

asyncio.run(main())
