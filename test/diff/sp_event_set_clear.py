import asyncio

async def main():
    ev = asyncio.Event()
    woke = []
    async def waiter(n):
        await ev.wait()
        woke.append(n)
    ts = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    print("cleared right after set; set now:", ev.is_set())
    await asyncio.gather(*ts)
    print("waiters woken before the clear still wake:", woke)
    q = asyncio.Queue(1)
    q.put_nowait("first")
    p = asyncio.create_task(q.put("second"))
    await asyncio.sleep(0)
    p.cancel()
    await asyncio.gather(p, return_exceptions=True)
    print("cancelled put did not insert:", q.qsize(), q.get_nowait(), q.empty())
    p2 = asyncio.create_task(q.put("third"))
    await asyncio.sleep(0)
    print("unblocked put completes:", p2.done(), q.get_nowait())

asyncio.run(main())
