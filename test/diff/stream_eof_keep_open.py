# eof_received: returning True keeps the transport half-open (the server still
# writes), anything else closes it; the client sees which.
import asyncio

class Server(asyncio.Protocol):
    def __init__(self, keep):
        self.keep = keep
    def connection_made(self, transport):
        self.transport = transport
    def eof_received(self):
        print("server eof_received, keep open:", self.keep, "is_closing:", self.transport.is_closing())
        if self.keep:
            self.transport.write(b"reply after eof")
            self.transport.close()
        return self.keep
    def connection_lost(self, exc):
        print("server connection_lost", exc)

class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.data = b""
    def data_received(self, data):
        self.data += data
    def connection_lost(self, exc):
        self.done.set_result(self.data)

async def main():
    loop = asyncio.get_running_loop()
    for keep in [True, False]:
        server = await loop.create_server(lambda: Server(keep), "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        done = loop.create_future()
        transport, _ = await loop.create_connection(lambda: Client(done), "127.0.0.1", port)
        transport.write_eof()
        print("client got", await done)
        server.close()
        await asyncio.sleep(0.02)

asyncio.run(main())
