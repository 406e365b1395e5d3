import asyncio

async def job(name, d):
    await asyncio.sleep(d)
    return name

async def main():
    results = []
    for nxt in asyncio.as_completed([job("slow", 0.03), job("fast", 0.01), job("mid", 0.02)]):
        results.append(await nxt)
    print(results)
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(0.01, f.set_result, "future")
    mixed = []
    for nxt in asyncio.as_completed([f, job("coro", 0.02)]):
        mixed.append(await nxt)
    print(mixed)

asyncio.run(main())
