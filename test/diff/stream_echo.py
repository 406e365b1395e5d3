# An echo server and client over loopback: lines go back and forth, then EOF.
import asyncio

async def handle(reader, writer):
    print("server: client connected")
    while True:
        line = await reader.readline()
        if not line:
            break
        print("server got", line)
        writer.write(line.upper())
        await writer.drain()
    print("server: eof")
    writer.close()
    await writer.wait_closed()
    print("server: closed")

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for word in ["alpha", "beta", "gamma"]:
        writer.write((word + "\n").encode())
        await writer.drain()
        print("client got", await reader.readline())
    writer.write_eof()
    print("client read after eof", await reader.read())
    print("client at_eof", reader.at_eof())
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.05)
    server.close()
    await server.wait_closed()
    print("done")

asyncio.run(main())
