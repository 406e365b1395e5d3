# async for over a StreamReader's lines: a server reading a client's lines, and a
# reader fed by hand (feed_data / feed_eof), with break and continue.
import asyncio

async def handle(reader, writer):
    count = 0
    async for line in reader:
        count += 1
        print("server got", line)
        if line == b"skip\n":
            continue
        writer.write(line.upper())
    print("server: eof after", count, "lines")
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"one\nskip\ntwo\nlast without newline")
    writer.write_eof()
    async for line in reader:
        print("client got", line)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

    fed = asyncio.StreamReader()
    fed.feed_data(b"a\nb\nc\nd\n")
    fed.feed_eof()
    async for line in fed:
        if line == b"c\n":
            break
        print("fed", line)
    print("rest", await fed.read())

asyncio.run(main())
