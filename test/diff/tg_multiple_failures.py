import asyncio

class MyError(Exception):
    pass

async def fail_now(exc):
    raise exc

async def sleeper():
    try:
        await asyncio.sleep(1)
    finally:
        print("sleeper finally")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper())
            tg.create_task(fail_now(ValueError("v1")))
            tg.create_task(fail_now(MyError("mine")))
            tg.create_task(fail_now(TypeError("t1")))
            await asyncio.sleep(1)
    except ExceptionGroup as eg:
        print("type:", type(eg).__name__, "| message:", eg.message, "| count:", len(eg.exceptions))
        print(sorted(f"{type(e).__name__}: {e}" for e in eg.exceptions))
        print("isinstance Exception:", all(isinstance(e, Exception) for e in eg.exceptions))
    print("done; cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
