import asyncio

async def main():
    loop = asyncio.get_running_loop()
    order = []
    delays = [7, 3, 9, 1, 5, 8, 2, 6, 4, 10]
    handles = {d: loop.call_later(d * 0.015, order.append, d) for d in delays}
    handles[5].cancel()
    handles[9].cancel()
    await asyncio.sleep(0.2)
    print(order)

asyncio.run(main())
