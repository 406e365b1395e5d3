# TLS on both sides with the test CA of test/fixtures/tls: an echo over TLS, the
# peer's certificate, no write_eof, and certificate checks that fail.
import asyncio, os, ssl

TLS = os.path.join("..", "fixtures", "tls")

async def handle(reader, writer):
    line = await reader.readline()
    writer.write(b"secure " + line)
    await writer.drain()
    writer.close()

async def main():
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(os.path.join(TLS, "server.pem"), os.path.join(TLS, "server.key"))
    client_ctx = ssl.create_default_context(cafile=os.path.join(TLS, "ca.pem"))
    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=server_ctx)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=client_ctx, server_hostname="localhost")
    cert = writer.get_extra_info("peercert")
    print("peer CN", dict(x[0] for x in cert["subject"])["commonName"])
    print("can_write_eof", writer.can_write_eof())
    writer.write(b"hello\n")
    print("got", await reader.readline())
    print("then", await reader.read(), reader.at_eof())
    writer.close()
    await writer.wait_closed()
    for name, ctx, hostname in [("untrusted CA", ssl.create_default_context(), "localhost"), ("wrong host name", client_ctx, "example.com")]:
        try:
            await asyncio.open_connection("127.0.0.1", port, ssl=ctx, server_hostname=hostname)
            print(name, "connected")
        except ssl.SSLCertVerificationError as e:
            print(name, type(e).__name__)
    server.close()
    await server.wait_closed()

asyncio.run(main())
