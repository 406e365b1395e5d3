import asyncio

async def important():
    await asyncio.sleep(0.08)
    print("important work finished")
    return "saved"

async def main():
    inner = asyncio.create_task(important())
    async def caller():
        return await asyncio.shield(inner)
    c = asyncio.create_task(caller())
    await asyncio.sleep(0.01)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("caller cancelled; inner cancelled:", inner.cancelled())
    print("inner result:", await inner)
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result(1)
    print("shield of a done future is the future:", asyncio.shield(done) is done)
    inner2 = asyncio.create_task(asyncio.sleep(1))
    outer2 = asyncio.shield(inner2)
    await asyncio.sleep(0)
    inner2.cancel()
    try:
        await outer2
    except asyncio.CancelledError:
        print("cancelling the inner cancels the shield:", outer2.cancelled())

asyncio.run(main())
