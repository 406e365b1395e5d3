import asyncio

async def instant_fail():
    raise KeyboardInterrupt if False else ValueError("instant")

async def slow(name):
    await asyncio.sleep(0.01)
    print(name, "completed anyway")
    return name

async def main():
    try:
        await asyncio.gather(slow("s1"), instant_fail(), slow("s2"))
    except ValueError as e:
        print("failed fast:", e)
    await asyncio.sleep(0.02)
    print("end")

asyncio.run(main())
