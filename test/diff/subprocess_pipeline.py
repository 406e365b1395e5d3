# A pipeline of two processes: a producer's stdout is copied chunk by chunk into a
# consumer's stdin (with drain), and the consumer's output is read line by line.
import asyncio
from asyncio.subprocess import PIPE

PRODUCER = "import sys\nfor i in range(2000):\n    sys.stdout.write(f'line {i} of the producer\\n')\n"


async def copy(reader, writer):
    total = 0
    while True:
        chunk = await reader.read(4096)
        if not chunk:
            break
        total += len(chunk)
        writer.write(chunk)
        await writer.drain()
    writer.close()
    await writer.wait_closed()
    return total


async def collect(reader):
    lines = []
    while True:
        line = await reader.readline()
        if not line:
            return lines
        lines.append(line)


async def main():
    producer = await asyncio.create_subprocess_exec("python3", "-c", PRODUCER, stdout=PIPE)
    consumer = await asyncio.create_subprocess_exec("tr", "a-z", "A-Z", stdin=PIPE, stdout=PIPE)
    copied, lines = await asyncio.gather(copy(producer.stdout, consumer.stdin), collect(consumer.stdout))
    print("copied bytes:", copied)
    print("lines:", len(lines), "first:", lines[0], "last:", lines[-1])
    print("producer:", await producer.wait(), "consumer:", await consumer.wait())


asyncio.run(main())
