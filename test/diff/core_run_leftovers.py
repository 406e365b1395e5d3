import asyncio

async def background(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled at shutdown")
        await asyncio.sleep(0)
        print(name, "cleanup finished")
        raise
    finally:
        print(name, "finally")

async def main():
    asyncio.create_task(background("bg1"))
    asyncio.create_task(background("bg2"))
    await asyncio.sleep(0)
    print("main returns")
    return 42

print("result:", asyncio.run(main()))

async def failing():
    await asyncio.sleep(0)
    raise ValueError("main failed")
try:
    asyncio.run(failing())
except ValueError as e:
    print("run raised:", e)

async def nested():
    coro = asyncio.sleep(0)
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("nested:", e)
asyncio.run(nested())
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
