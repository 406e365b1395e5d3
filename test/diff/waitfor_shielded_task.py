import asyncio

async def important():
    try:
        await asyncio.sleep(0.05)
        print("important work finished")
        return "saved"
    except asyncio.CancelledError:
        print("wrong: important work cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(important())
    try:
        await asyncio.wait_for(asyncio.shield(t), 0.01)
    except TimeoutError:
        print("wait_for timed out; task still running:", not t.done())
    print("awaiting the task itself:", await t)
    t = asyncio.create_task(important())
    try:
        await asyncio.wait_for(asyncio.shield(t), 0.2)
        print("finished within the limit:", t.result())
    except TimeoutError:
        print("wrong: TimeoutError")

asyncio.run(main())
