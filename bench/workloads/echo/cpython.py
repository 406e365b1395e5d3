# echo: 50 clients each do N ping-pong round trips of a 64-byte line with an echo
# server over loopback, on asyncio streams (start_server, open_connection).
import asyncio, sys, time
sys.path.insert(0, __file__.rsplit("/", 3)[0])
from harness import report, size

CLIENTS = 50
n = size(20_000)

async def echo(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
    writer.close()

async def client(port, id):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    line = (str(id).zfill(4) + "x" * 59 + "\n").encode()
    total = 0
    for _ in range(n):
        writer.write(line)
        reply = await reader.readline()
        if len(reply) != len(line) or reply[3] != line[3]:
            raise RuntimeError(f"client {id}: bad reply")
        total += len(reply)
    writer.close()
    await writer.wait_closed()
    return total

async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    totals = await asyncio.gather(*(client(port, id) for id in range(CLIENTS)))
    server.close()
    await server.wait_closed()
    return sum(totals)

start = time.perf_counter()
total = asyncio.run(main())
report((time.perf_counter() - start) * 1000, total, CLIENTS * n * 64)
