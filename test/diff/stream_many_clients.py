# Twenty clients at once with gather over open_connection against one server; each
# gets its own answers, in order, and the server counts them.
import asyncio

served = 0

async def handle(reader, writer):
    global served
    name = (await reader.readline()).strip()
    for i in range(3):
        writer.write(b"%s:%d\n" % (name, i))
        await writer.drain()
        await asyncio.sleep(0.001)
    writer.close()
    served += 1

async def client(port, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"c%02d\n" % n)
    lines = []
    while line := await reader.readline():
        lines.append(line.decode().strip())
    writer.close()
    await writer.wait_closed()
    return lines

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    results = await asyncio.gather(*(client(port, n) for n in range(20)))
    print(results[0], results[19])
    print(all(r == [f"c{n:02d}:{i}" for i in range(3)] for n, r in enumerate(results)))
    await asyncio.sleep(0.02)
    print("served", served)
    server.close()
    await server.wait_closed()

asyncio.run(main())
