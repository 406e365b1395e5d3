# The protocol classes of CPython's documentation (the UDP echo server and client of
# "Transports and Protocols") have no base class: a class with just the methods the
# program uses is a protocol, and what it lacks does nothing. A TCP one too.
import asyncio


class EchoServerProtocol:
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        message = data.decode()
        print("Received %r from a client" % message)
        print("Send %r to the client" % message)
        self.transport.sendto(data, addr)


class EchoClientProtocol:
    def __init__(self, message, on_con_lost):
        self.message = message
        self.on_con_lost = on_con_lost
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        print("Send:", self.message)
        self.transport.sendto(self.message.encode())

    def datagram_received(self, data, addr):
        print("Received:", data.decode())
        print("Close the socket")
        self.transport.close()

    def error_received(self, exc):
        print("Error received:", exc)

    def connection_lost(self, exc):
        print("Connection closed")
        self.on_con_lost.set_result(True)


class Shouter:
    """No base class: CPython calls each of these, so each must be there. The port
    defines only dataReceived: asyncio-ts gives what a protocol lacks the base's no-op."""

    def __init__(self, got):
        self.got = got

    def connection_made(self, transport):
        pass

    def data_received(self, data):
        self.got.set_result(data.decode().upper())

    def eof_received(self):
        pass

    def connection_lost(self, exc):
        pass


async def main():
    loop = asyncio.get_running_loop()
    server, _ = await loop.create_datagram_endpoint(EchoServerProtocol, local_addr=("127.0.0.1", 0))
    port = server.get_extra_info("sockname")[1]
    on_con_lost = loop.create_future()
    client, _ = await loop.create_datagram_endpoint(
        lambda: EchoClientProtocol("Hello World!", on_con_lost), remote_addr=("127.0.0.1", port)
    )
    await on_con_lost
    # The server is left open, as the documentation's is: it has no connection_lost.

    got = loop.create_future()
    tcp = await loop.create_server(lambda: Shouter(got), "127.0.0.1", 0)
    host, port = tcp.sockets[0].getsockname()[:2]
    transport, _ = await loop.create_connection(asyncio.Protocol, host, port)
    transport.write(b"no base class")
    print(await got)
    transport.close()
    tcp.close()
    await tcp.wait_closed()


asyncio.run(main())
