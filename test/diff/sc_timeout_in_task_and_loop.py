import asyncio

async def worker(n, d):
    try:
        async with asyncio.timeout(0.03):
            await asyncio.sleep(d)
            return f"w{n} finished"
    except TimeoutError:
        return f"w{n} timed out"

async def main():
    print(await asyncio.gather(*(worker(i, d) for i, d in enumerate([0.01, 0.05, 0.02, 0.1]))))
    try:
        asyncio.timeout(1)
    except RuntimeError as e:
        print("never: timeout() inside a task is fine")
    print("done")

asyncio.run(main())
try:
    async def no_task():
        pass
    cm = asyncio.timeout(1)
except RuntimeError as e:
    print("timeout() outside a running loop:", e)
