# Closing a server: is_serving, sockets empty, new connections refused, connections
# already accepted keep working until they close; async with closes it too.
import asyncio

async def handle(reader, writer):
    line = await reader.readline()
    writer.write(b"echo " + line)
    await writer.drain()
    writer.close()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print("serving", server.is_serving(), len(server.sockets))
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await asyncio.sleep(0.02)
    server.close()
    print("after close: serving", server.is_serving(), len(server.sockets))
    writer.write(b"still here\n")
    print("existing connection", await reader.readline())
    writer.close()
    await writer.wait_closed()
    await server.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print("new connection:", type(e).__name__)
    server.close()
    print("closed twice ok")
    async with await asyncio.start_server(handle, "127.0.0.1", 0) as s2:
        print("in async with: serving", s2.is_serving())
    print("after async with: serving", s2.is_serving(), len(s2.sockets))

asyncio.run(main())
