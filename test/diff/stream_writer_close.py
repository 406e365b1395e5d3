# Closing a writer: is_closing at once, wait_closed completes, the peer reads EOF, and
# the transport reports its state; closing twice is harmless.
import asyncio

async def handle(reader, writer):
    print("server read", await reader.read())
    print("server at_eof", reader.at_eof())
    writer.close()
    await writer.wait_closed()
    print("server writer closed", writer.is_closing())

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"last words")
    print("is_closing before", writer.is_closing())
    writer.close()
    print("is_closing after", writer.is_closing())
    writer.close()
    await writer.wait_closed()
    print("wait_closed done")
    await writer.wait_closed()
    print("wait_closed again done")
    print("client read", await reader.read())
    await asyncio.sleep(0.05)
    server.close()
    await server.wait_closed()

asyncio.run(main())
