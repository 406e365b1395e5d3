import asyncio
import time


def blocking(x):
    time.sleep(0.2)
    return x * 2


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0.05)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, blocking, 21)
    print("submitted; done:", fut.done())
    t = asyncio.create_task(ticker(3))
    r = await fut
    print("result", r)
    print("ticker done before the result:", t.done())
    await t
    print("end")


asyncio.run(main())
