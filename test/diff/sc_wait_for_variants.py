import asyncio

async def main():
    loop = asyncio.get_running_loop()
    done = asyncio.create_task(asyncio.sleep(0, "done task"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(await asyncio.wait_for(done, 0), await asyncio.wait_for(done, -1), await asyncio.wait_for(done, None))
    f = loop.create_future()
    loop.call_later(0.01, f.set_result, "future result")
    print(await asyncio.wait_for(f, 1))
    failing = loop.create_future()
    loop.call_later(0.01, failing.set_exception, LookupError("failed future"))
    try:
        await asyncio.wait_for(failing, 1)
    except LookupError as e:
        print("error passes through:", e)
    pending = loop.create_future()
    try:
        await asyncio.wait_for(pending, 0)
    except TimeoutError:
        print("timeout 0 on a pending future cancels it:", pending.cancelled())

asyncio.run(main())
