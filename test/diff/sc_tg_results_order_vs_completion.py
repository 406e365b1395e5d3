import asyncio

async def job(name, d, log):
    await asyncio.sleep(d)
    log.append(name)
    return name.upper()

async def main():
    log = []
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(job(n, d, log)) for n, d in [("a", 0.03), ("b", 0.01), ("c", 0.02)]]
    print("completion order:", log, "| creation order results:", [t.result() for t in ts])

asyncio.run(main())
