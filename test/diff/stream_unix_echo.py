# An echo over a Unix socket: start_unix_server / open_unix_connection, readuntil on a
# custom separator, and the socket file.
import asyncio, os, tempfile

async def handle(reader, writer):
    while True:
        try:
            msg = await reader.readuntil(b";")
        except asyncio.IncompleteReadError as e:
            print("server: eof with", e.partial)
            break
        writer.write(msg[::-1])
    writer.close()

async def main():
    path = os.path.join(tempfile.mkdtemp(), "echo.sock")
    server = await asyncio.start_unix_server(handle, path)
    print("socket file exists", os.path.exists(path))
    reader, writer = await asyncio.open_unix_connection(path)
    writer.write(b"abc;de")
    writer.write(b"f;gh")
    print(await reader.readexactly(4), await reader.readexactly(4))
    writer.write_eof()
    print("client read", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    os.rmdir(os.path.dirname(path)) if not os.path.exists(path) else os.remove(path)

asyncio.run(main())
