import asyncio

async def job(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    return name

async def main():
    tasks = [asyncio.create_task(job(n, d)) for n, d in [("c", 0.03), ("a", 0.01), ("b", 0.02)]]
    for nxt in asyncio.as_completed(tasks):
        print("next:", await nxt)
    tasks = [asyncio.create_task(job("ok", 0.01)), asyncio.create_task(job("bad", 0.02, True))]
    for nxt in asyncio.as_completed(tasks):
        try:
            print("got", await nxt)
        except ValueError as e:
            print("raised", e)
    slow = [asyncio.create_task(job("quick", 0.01)), asyncio.create_task(job("slow", 1))]
    got = []
    try:
        for nxt in asyncio.as_completed(slow, timeout=0.05):
            got.append(await nxt)
    except TimeoutError:
        print("timeout after", got, "; slow still running:", not slow[1].done())
    slow[1].cancel()

asyncio.run(main())
