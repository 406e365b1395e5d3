import asyncio

attempts = 0

async def flaky():
    global attempts
    attempts += 1
    await asyncio.sleep(0.05 if attempts < 3 else 0.005)
    return f"succeeded on attempt {attempts}"

async def main():
    for limit in (0.01, 0.02, 0.03, 0.04):
        try:
            print(await asyncio.wait_for(flaky(), limit))
            break
        except TimeoutError:
            print(f"attempt {attempts} timed out after {limit}")
    async def with_timeout_scope():
        for i in range(3):
            try:
                async with asyncio.timeout(0.01):
                    await asyncio.sleep(0.05 if i < 2 else 0)
                return f"scope attempt {i} ok"
            except TimeoutError:
                print(f"scope attempt {i} timed out")
    print(await with_timeout_scope())

asyncio.run(main())
