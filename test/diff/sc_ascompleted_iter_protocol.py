import asyncio

async def main():
    tasks = [asyncio.create_task(asyncio.sleep(d, d)) for d in (0.02, 0.01)]
    it = asyncio.as_completed(tasks)
    first = next(it)
    second = next(it)
    try:
        next(it)
    except StopIteration:
        print("exactly as many items as awaitables")
    print("awaiting in any order still gives completion order:", await second, await first)

asyncio.run(main())
