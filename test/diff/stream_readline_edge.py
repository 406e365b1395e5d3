# readline on a reader fed by hand: lines split across chunks, empty lines, a last
# line without a newline, and readline at EOF.
import asyncio

async def feeder(reader, pieces):
    for piece in pieces:
        await asyncio.sleep(0)
        reader.feed_data(piece)
    await asyncio.sleep(0)
    reader.feed_eof()

async def main():
    reader = asyncio.StreamReader()
    task = asyncio.create_task(feeder(reader, [b"ab", b"c\n\nde", b"f\ng", b"", b"h"]))
    while True:
        line = await reader.readline()
        print("line", line, "at_eof", reader.at_eof())
        if not line:
            break
    print("again", await reader.readline())
    await task
    reader2 = asyncio.StreamReader()
    reader2.feed_data(b"\n\n\n")
    print([await reader2.readline() for _ in range(3)], reader2.at_eof())

asyncio.run(main())
