# wait_for around a read that takes too long gives TimeoutError; the reader stays
# usable and the late reply is read afterwards; a server that answers in time wins.
import asyncio

async def slow(reader, writer):
    await reader.readline()
    await asyncio.sleep(0.2)
    writer.write(b"slow reply\n")
    await writer.drain()
    writer.close()

async def main():
    server = await asyncio.start_server(slow, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"GET\n")
    try:
        await asyncio.wait_for(reader.readline(), 0.05)
    except TimeoutError:
        print("gave up after 0.05 s")
    print("later:", await asyncio.wait_for(reader.readline(), 1))
    print("eof:", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

asyncio.run(main())
