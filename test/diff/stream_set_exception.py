# set_exception wakes a waiting reader with the error, every later read raises it, and
# exception() returns it; data fed after it stays unreachable.
import asyncio

async def main():
    reader = asyncio.StreamReader()
    print("exception()", reader.exception())
    waiting = asyncio.create_task(reader.readline())
    await asyncio.sleep(0)
    reader.set_exception(ConnectionResetError("peer went away"))
    reader.feed_data(b"fed after the error")
    for aw in [waiting, reader.read(3), reader.readexactly(1), reader.readuntil(b"x"), reader.readline()]:
        try:
            await aw
            print("no error")
        except ConnectionResetError as e:
            print(type(e).__name__, e)
    print("exception()", repr(reader.exception()))

asyncio.run(main())
