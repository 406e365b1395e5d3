# The order of protocol callbacks on both sides of create_connection / create_server,
# interleaved with the tasks awaiting them.
import asyncio

log = []

class Server(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        log.append("server connection_made")
    def data_received(self, data):
        log.append(f"server data_received {data!r}")
        self.transport.write(data[::-1])
    def eof_received(self):
        log.append("server eof_received")
        return None
    def connection_lost(self, exc):
        log.append(f"server connection_lost {exc!r}")

class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
    def connection_made(self, transport):
        log.append("client connection_made")
    def data_received(self, data):
        log.append(f"client data_received {data!r}")
    def eof_received(self):
        log.append("client eof_received")
    def connection_lost(self, exc):
        log.append(f"client connection_lost {exc!r}")
        self.done.set_result(None)

async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Server, "127.0.0.1", 0)
    log.append("server created")
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: Client(done), "127.0.0.1", port)
    log.append("create_connection returned")
    transport.write(b"abc")
    await asyncio.sleep(0.05)
    transport.write_eof()
    await done
    log.append("client done")
    await asyncio.sleep(0.05)
    server.close()
    await server.wait_closed()
    for line in log:
        print(line)

asyncio.run(main())
