# longline: one line of N bytes read with readline() (the reader's limit raised above
# it), twice: fed to a StreamReader 4 KiB at a time by a task that yields after each
# chunk, then sent over loopback by a stream server. Checks both lines.
import asyncio, sys, time
sys.path.insert(0, __file__.rsplit("/", 3)[0])
from harness import report, size

CHUNK = 4096
chunks = size(25_600)  # 100 MiB at full size
n = chunks * CHUNK  # bytes before the newline
limit = 2 * n


def check(line):
    if len(line) != n + 1 or line[0] != 120 or line[n - 1] != 120 or line[n] != 10:
        raise RuntimeError(f"bad line of {len(line)} bytes")
    return len(line)


async def feed(reader):
    chunk = b"x" * CHUNK
    for _ in range(chunks):
        reader.feed_data(chunk)
        await asyncio.sleep(0)
    reader.feed_data(b"\n")


async def in_memory():
    reader = asyncio.StreamReader(limit)
    feeder = asyncio.create_task(feed(reader))
    line = await reader.readline()
    await feeder
    return check(line)


async def over_loopback():
    payload = b"x" * n + b"\n"

    async def serve(_reader, writer):
        writer.write(payload)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=limit)
    line = await reader.readline()
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    return check(line)


async def main():
    return await in_memory() + await over_loopback()


start = time.perf_counter()
total = asyncio.run(main())
report((time.perf_counter() - start) * 1000, total, 2 * (n + 1))
