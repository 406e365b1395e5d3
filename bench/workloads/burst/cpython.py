# burst: N connections opened and closed in batches against a server with the default
# backlog (100), on asyncio streams (see asyncio-ts.ts): batches of 100, then of 500,
# each phase timed until the server has served every connection.
import asyncio, sys, time
sys.path.insert(0, __file__.rsplit("/", 3)[0])
from harness import report, size

n = size(2_000)
BATCHES = [100, 500]

served = 0
expected = 0
all_served = None

async def serve(reader, writer):
    global served
    await reader.read()
    writer.close()
    await writer.wait_closed()
    served += 1
    if served == expected:
        all_served.set_result(None)

async def client(port):
    _, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.close()
    await writer.wait_closed()

async def phase(port, batch):
    global expected, all_served
    expected += n
    all_served = asyncio.get_running_loop().create_future()
    for done in range(0, n, batch):
        await asyncio.gather(*(client(port) for _ in range(min(batch, n - done))))
    await all_served

async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    times = []
    for batch in BATCHES:
        start = time.perf_counter()
        await phase(port, batch)
        times.append((time.perf_counter() - start) * 1000)
    server.close()
    await server.wait_closed()
    return times

times = asyncio.run(main())
print(", ".join(f"batches of {batch}: {ms:.0f} ms" for batch, ms in zip(BATCHES, times)), file=sys.stderr)
report(sum(times), served, len(BATCHES) * n)
