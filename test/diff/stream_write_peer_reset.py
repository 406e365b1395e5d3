# A peer that resets the connection (SO_LINGER 0, then close: an RST) while the server is
# writing to it: the server's drain() raises a ConnectionError, its handling runs, and it
# writes nothing more.
import asyncio
import socket
import struct


async def main():
    done = asyncio.Event()
    outcome = []

    async def handle(reader, writer):
        chunk = b"x" * 65536
        sent = 0
        try:
            while True:
                writer.write(chunk)
                await writer.drain()
                sent += 1
        except ConnectionError as e:
            outcome.append(f"server's drain raised a ConnectionError after some chunks: {sent > 0}")
            outcome.append(f"closing: {writer.is_closing()}")
        try:
            await writer.wait_closed()
            outcome.append("wait_closed returned")
        except ConnectionError:
            outcome.append("wait_closed raised a ConnectionError")
        done.set()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    data = await reader.readexactly(65536)
    print("client read", len(data), "bytes, then resets")
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()
    await done.wait()
    for line in outcome:
        print(line)
    server.close()
    await server.wait_closed()


asyncio.run(main())
