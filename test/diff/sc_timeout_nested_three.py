import asyncio

async def main():
    outcomes = []
    for inner_d, mid_d, outer_d in [(0.01, 0.5, 0.5), (0.5, 0.01, 0.5), (0.5, 0.5, 0.01)]:
        where = []
        try:
            async with asyncio.timeout(outer_d):
                try:
                    async with asyncio.timeout(mid_d):
                        try:
                            async with asyncio.timeout(inner_d):
                                await asyncio.sleep(1)
                        except TimeoutError:
                            where.append("inner")
                            continue
                except TimeoutError:
                    where.append("middle")
                    continue
        except TimeoutError:
            where.append("outer")
        finally:
            outcomes.append(where)
    print(outcomes, "cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
