import asyncio

class Bad:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        yield self.value

async def main():
    for value in [42, "text", 3.5]:
        try:
            await Bad(value)
        except RuntimeError as e:
            print("caught:", e)
    print("task goes on")
    async def victim():
        await Bad(7)
        print("not reached")
    t = asyncio.create_task(victim())
    try:
        await t
    except RuntimeError as e:
        print("task failed:", e)

asyncio.run(main())
