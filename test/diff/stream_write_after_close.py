# CPython's test_streams.test_async_writer_api_exception_after_close: after the program's
# own writer.close(), write() is accepted and its data dropped, and the next drain()
# raises ConnectionResetError; the exception handler hears nothing.
import asyncio


async def handle(reader, writer):
    await reader.readline()
    writer.write(b"HTTP/1.0 200 OK\r\n\r\nTest message")
    await writer.drain()
    writer.close()


async def main():
    messages = []
    asyncio.get_running_loop().set_exception_handler(lambda loop, context: messages.append(context["message"]))
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"GET / HTTP/1.0\r\n\r\n")
    print(await reader.readline())
    print(await reader.read())
    writer.close()
    try:
        writer.write(b"data")
        print("write after close accepted")
        await writer.drain()
        print("drain returned")
    except ConnectionResetError as e:
        print("ConnectionResetError:", e)
    for i in range(3):
        writer.write(b"more")
    print("closing:", writer.is_closing())
    await writer.wait_closed()
    print("exception handler calls:", messages)
    server.close()
    await server.wait_closed()


asyncio.run(main())
