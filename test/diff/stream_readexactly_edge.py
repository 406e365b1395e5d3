# readexactly: zero bytes, exact sizes across chunks, and IncompleteReadError at EOF
# with partial and expected, and what is left in the buffer after it.
import asyncio

async def main():
    reader = asyncio.StreamReader()
    print("zero", await reader.readexactly(0))
    reader.feed_data(b"0123")

    async def later():
        await asyncio.sleep(0.01)
        reader.feed_data(b"4567")
        await asyncio.sleep(0.01)
        reader.feed_data(b"89")
        reader.feed_eof()

    task = asyncio.create_task(later())
    print("six", await reader.readexactly(6))
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print(type(e).__name__, e, e.partial, e.expected)
    print("left", await reader.read(), reader.at_eof())
    try:
        await reader.readexactly(1)
    except asyncio.IncompleteReadError as e:
        print(type(e).__name__, e, e.partial, e.expected)
    try:
        await reader.readexactly(-1)
    except ValueError as e:
        print("ValueError", e)
    await task

asyncio.run(main())
