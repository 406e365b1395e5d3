# LimitOverrunError from readuntil (separator found too late, or not found within the
# limit) leaves the data in the buffer; readline turns it into ValueError and drops
# the long line.
import asyncio

async def main():
    reader = asyncio.StreamReader(limit=5)
    reader.feed_data(b"0123456789\nok\n")
    try:
        await reader.readuntil(b"\n")
    except asyncio.LimitOverrunError as e:
        print(type(e).__name__, e, e.consumed)
    print("still there", await reader.readexactly(11))
    print(await reader.readuntil(b"\n"))

    reader.feed_data(b"abcdefghij")
    try:
        await reader.readuntil(b"\n")
    except asyncio.LimitOverrunError as e:
        print(type(e).__name__, e, e.consumed)
    print("still there", await reader.read(100))

    reader.feed_data(b"0123456789\nnext\n")
    try:
        await reader.readline()
    except ValueError as e:
        print("ValueError", e)
    print("after", await reader.readline())

    reader.feed_data(b"0123456789")
    try:
        await reader.readline()
    except ValueError as e:
        print("ValueError", e)
    reader.feed_data(b"tail\n")
    print("after", await reader.readline())

    reader.feed_data(b"12345\n")
    print("exactly at the limit", await reader.readline())
    reader.feed_data(b"123456\n")
    try:
        await reader.readline()
    except ValueError as e:
        print("ValueError", e)

asyncio.run(main())
