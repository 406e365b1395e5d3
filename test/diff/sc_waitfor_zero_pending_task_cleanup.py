import asyncio

async def with_cleanup(log):
    try:
        await asyncio.sleep(1)
    finally:
        log.append("cleanup ran before TimeoutError")

async def main():
    log = []
    t = asyncio.create_task(with_cleanup(log))
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(t, 0)
    except TimeoutError:
        log.append("TimeoutError")
    print(log, t.cancelled())

asyncio.run(main())
