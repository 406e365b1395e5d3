import asyncio

def main():
    loop = asyncio.new_event_loop()
    results = []
    async def producer(n):
        for i in range(n):
            await asyncio.sleep(0.005)
            results.append(i)
        if len(results) >= 6:
            loop.stop()
    loop.create_task(producer(3))
    loop.create_task(producer(3))
    loop.run_forever()
    print(sorted(results))
    print("pending tasks:", len(asyncio.all_tasks(loop)))
    loop.call_soon_threadsafe(print, "threadsafe callback")
    loop.call_soon_threadsafe(loop.stop)
    loop.run_forever()
    loop.close()

main()
