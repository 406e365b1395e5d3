# Cancelling a task blocked in readline, readexactly or readuntil over a socket: the
# data that arrived stays in the reader and the next read gets it.
import asyncio

async def handle(reader, writer):
    for piece in [b"first ", b"half of the line\n", b"0123", b"456789", b"--", b"end--"]:
        await reader.readexactly(1)
        writer.write(piece)
        await writer.drain()
    writer.close()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)

    async def step(make_read):
        writer.write(b".")
        task = asyncio.create_task(make_read())
        await asyncio.sleep(0.05)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print("cancelled, done:", task.done())

    await step(reader.readline)
    writer.write(b".")
    print("readline", await reader.readline())
    await step(lambda: reader.readexactly(10))
    writer.write(b".")
    print("readexactly", await reader.readexactly(10))
    await step(lambda: reader.readuntil(b"--end--"))
    writer.write(b".")
    print("readuntil", await reader.readuntil(b"--end--"))
    print("at_eof", await reader.read(), reader.at_eof())
    writer.close()
    server.close()
    await server.wait_closed()

asyncio.run(main())
