# EOF from the peer: the server reads everything until the client's write_eof, then
# answers on the half-open connection; at_eof on both sides.
import asyncio

async def handle(reader, writer):
    data = await reader.read()
    print("server read", data, "at_eof", reader.at_eof())
    writer.write(b"got %d bytes\n" % len(data))
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"part one, ")
    await asyncio.sleep(0.02)
    writer.write(b"part two")
    print("client can_write_eof", writer.can_write_eof())
    writer.write_eof()
    print("client is_closing after write_eof", writer.is_closing())
    print("client got", await reader.readline())
    print("client at_eof", reader.at_eof())
    print("client read", await reader.read())
    print("client at_eof", reader.at_eof())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

asyncio.run(main())
