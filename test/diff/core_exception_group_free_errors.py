import asyncio

async def fail_after(d, msg):
    await asyncio.sleep(d)
    raise ValueError(msg)

async def main():
    t1 = asyncio.create_task(fail_after(0.02, "first"))
    t2 = asyncio.create_task(fail_after(0.06, "second"))
    try:
        await asyncio.gather(t1, t2)
    except ValueError as e:
        print("gather raised the first:", e)
    await asyncio.sleep(0.08)
    print("second finished too:", t2.done(), str(t2.exception()))

asyncio.run(main())
