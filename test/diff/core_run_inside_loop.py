import asyncio
import warnings

warnings.simplefilter("ignore", RuntimeWarning)

async def inner():
    return "inner"

async def main():
    try:
        asyncio.run(inner())
    except RuntimeError as e:
        print("RuntimeError:", e)
    finally:
        print("finally runs")
    loop = asyncio.get_running_loop()
    try:
        loop.run_until_complete(inner())
    except RuntimeError as e:
        print("RuntimeError:", e)
    await asyncio.sleep(0)
    return "main goes on"

print(asyncio.run(main()))
