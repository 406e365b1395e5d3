import asyncio


class ParseError(Exception):
    pass


def bad_value(x):
    raise ValueError(f"bad value: {x}")


def bad_parse():
    raise ParseError("cannot parse")


def fine():
    return "fine"


async def main():
    loop = asyncio.get_running_loop()
    try:
        await loop.run_in_executor(None, bad_value, 3)
    except ValueError as e:
        print("caught", type(e).__name__, e)
    try:
        await asyncio.to_thread(bad_parse)
    except Exception as e:
        print("caught", type(e).__name__, e)
    results = await asyncio.gather(
        loop.run_in_executor(None, bad_value, 1),
        loop.run_in_executor(None, fine),
        return_exceptions=True,
    )
    print([f"{type(r).__name__}: {r}" if isinstance(r, Exception) else r for r in results])
    print("the executor still works:", await asyncio.to_thread(fine))


asyncio.run(main())
