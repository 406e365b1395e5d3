import asyncio

async def level3(x):
    await asyncio.sleep(0)
    if x < 0:
        raise ValueError("negative: %d" % x)
    return x * 2

async def level2(x):
    try:
        return await level3(x) + 1
    finally:
        print("level2 finally", x)

async def level1(x):
    try:
        return await level2(x)
    except ValueError as e:
        print("level1 caught", e)
        return -1

async def main():
    print(await level1(5))
    print(await level1(-3))
    t = asyncio.create_task(level2(-7))
    try:
        await t
    except ValueError as e:
        print("task raised", e, "| task.exception() is e:", t.exception() is e)
    print("done", t.done(), "cancelled", t.cancelled())
    try:
        t.result()
    except ValueError as e:
        print("result() re-raises", e)

asyncio.run(main())
