# readuntil with a multi-byte separator that arrives split across chunks, a separator
# at the very start, and IncompleteReadError (expected None) at EOF.
import asyncio

async def main():
    reader = asyncio.StreamReader()

    async def feed():
        for piece in [b"HEAD", b"ER\r", b"\n", b"\r", b"\nbo", b"dy\r\n\r\n", b"\r\n\r\nrest"]:
            await asyncio.sleep(0.005)
            reader.feed_data(piece)
        reader.feed_eof()

    task = asyncio.create_task(feed())
    print(await reader.readuntil(b"\r\n\r\n"))
    print(await reader.readuntil(b"\r\n\r\n"))
    print(await reader.readuntil(b"\r\n\r\n"))
    try:
        await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError as e:
        print(type(e).__name__, e, e.partial, e.expected)
    print("at_eof", reader.at_eof())
    r2 = asyncio.StreamReader()
    r2.feed_data(b"a--b---c")
    r2.feed_eof()
    print(await r2.readuntil(b"--"), await r2.readuntil(b"---"))
    try:
        await r2.readuntil(b"")
    except ValueError as e:
        print("ValueError", e)
    print(await r2.readuntil(b"c"))
    await task

asyncio.run(main())
