# write + drain in a loop sends 4 MB to a slow reader with back-pressure; the write
# buffer limits as Python reports them; the reader gets every byte.
import asyncio

async def handle(reader, writer):
    total = 0
    while True:
        chunk = await reader.read(65536)
        if not chunk:
            break
        total += len(chunk)
        await asyncio.sleep(0.001)
    writer.write(b"%d\n" % total)
    await writer.drain()
    writer.close()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("limits", writer.transport.get_write_buffer_limits())
    chunk = b"x" * 65536
    for _ in range(64):
        writer.write(chunk)
        await writer.drain()
        assert writer.transport.get_write_buffer_size() <= 65536 + 16384
    writer.write_eof()
    print("server counted", await reader.readline())
    writer.transport.set_write_buffer_limits(high=100)
    print("limits", writer.transport.get_write_buffer_limits())
    try:
        writer.transport.set_write_buffer_limits(high=1, low=2)
    except ValueError as e:
        print("ValueError", e)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

asyncio.run(main())
