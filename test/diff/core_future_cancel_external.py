import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    async def consumer():
        try:
            v = await fut
            print("got", v)
        except asyncio.CancelledError:
            print("consumer: future was cancelled")
            return "handled"
    t = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    print("cancelling the future:", fut.cancel())
    print("task result:", await t, "task cancelled:", t.cancelled())
    fut2 = loop.create_future()
    waiters = [asyncio.create_task(asyncio.wait_for(fut2, None)) for _ in range(2)]
    await asyncio.sleep(0)
    fut2.set_exception(ValueError("shared failure"))
    for w in waiters:
        try:
            await w
        except ValueError as e:
            print("waiter got", e)

asyncio.run(main())
