# read(n) gives what is there (at most n), read(0) is empty, read(-1) reads to EOF
# across chunks, and reads after EOF are empty.
import asyncio

async def main():
    reader = asyncio.StreamReader()
    reader.feed_data(b"hello world")
    print(await reader.read(5), await reader.read(0), await reader.read(100))

    async def feed():
        for piece in [b"one ", b"two ", b"three"]:
            await asyncio.sleep(0.005)
            reader.feed_data(piece)
        await asyncio.sleep(0.005)
        reader.feed_eof()

    task = asyncio.create_task(feed())
    print("first chunk", await reader.read(2))
    print("to eof", await reader.read())
    print("after eof", await reader.read(), await reader.read(10), reader.at_eof())
    await task
    big = asyncio.StreamReader(limit=4)
    big.feed_data(b"x" * 10)
    big.feed_data(b"y" * 10)
    big.feed_eof()
    print("read(-1) past the limit", await big.read(-1))

asyncio.run(main())
