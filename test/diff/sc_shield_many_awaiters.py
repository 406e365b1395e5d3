import asyncio

async def expensive():
    await asyncio.sleep(0.03)
    return "computed once"

async def main():
    shared = asyncio.create_task(expensive())
    async def user(n):
        try:
            return await asyncio.shield(shared)
        except asyncio.CancelledError:
            return f"user {n} gave up"
    users = [asyncio.create_task(user(i)) for i in range(3)]
    await asyncio.sleep(0.01)
    users[1].cancel()
    print(await asyncio.gather(*users))
    print("shared task survived:", shared.result())

asyncio.run(main())
