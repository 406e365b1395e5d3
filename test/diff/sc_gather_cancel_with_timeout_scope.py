import asyncio

async def part(n, log):
    try:
        await asyncio.sleep(0.01 * n)
        log.append(f"part {n} done")
        return n
    except asyncio.CancelledError:
        log.append(f"part {n} cancelled")
        raise

async def main():
    log = []
    try:
        async with asyncio.timeout(0.025):
            await asyncio.gather(*(part(n, log) for n in (1, 2, 3, 4)))
    except TimeoutError:
        log.append("timeout")
    print(log)
    log.clear()
    res = []
    async with asyncio.timeout(0.025):
        res = await asyncio.gather(*(part(n, log) for n in (1, 2)), return_exceptions=True)
    print(res, log)

asyncio.run(main())
