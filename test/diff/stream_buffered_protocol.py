# A BufferedProtocol receives into its own buffer: get_buffer, buffer_updated with at
# most the buffer's size, then eof_received and connection_lost.
import asyncio

class Sender(asyncio.Protocol):
    def connection_made(self, transport):
        transport.write(bytes(range(256)) * 4)
        transport.close()

class Receiver(asyncio.BufferedProtocol):
    def __init__(self, done):
        self.done = done
        self.buf = bytearray(64)
        self.data = bytearray()
        self.biggest = 0
        self.events = []
    def connection_made(self, transport):
        self.events.append("connection_made")
    def get_buffer(self, sizehint):
        return self.buf
    def buffer_updated(self, nbytes):
        self.biggest = max(self.biggest, nbytes)
        self.data += self.buf[:nbytes]
    def eof_received(self):
        self.events.append("eof_received")
    def connection_lost(self, exc):
        self.events.append(f"connection_lost {exc}")
        self.done.set_result(None)

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Sender, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: Receiver(done), "127.0.0.1", port)
    await done
    print(protocol.events)
    print(len(protocol.data), protocol.data == bytes(range(256)) * 4, protocol.biggest <= 64)
    server.close()
    await server.wait_closed()

asyncio.run(main())
