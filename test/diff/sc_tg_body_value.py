import asyncio

async def main():
    order = []
    async def late(n):
        await asyncio.sleep(0.01 * n)
        order.append(f"child {n}")
    async with asyncio.TaskGroup() as tg:
        for n in (3, 1, 2):
            tg.create_task(late(n))
        order.append("body done")
    order.append("after group")
    print(order)

asyncio.run(main())
