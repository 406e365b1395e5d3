# UDP with create_datagram_endpoint: a server that answers each datagram, a client
# with a remote address, callbacks in order, and close.
import asyncio

class Echo(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        print("server connection_made")
        self.transport = transport
    def datagram_received(self, data, addr):
        print("server got", data, "from", addr[0])
        self.transport.sendto(data.upper(), addr)
    def connection_lost(self, exc):
        print("server connection_lost", exc)

class Client(asyncio.DatagramProtocol):
    def __init__(self, queue, lost):
        self.queue = queue
        self.lost = lost
    def connection_made(self, transport):
        print("client connection_made")
    def datagram_received(self, data, addr):
        self.queue.put_nowait(data)
    def connection_lost(self, exc):
        print("client connection_lost", exc)
        self.lost.set_result(None)

async def main():
    loop = asyncio.get_running_loop()
    server, _ = await loop.create_datagram_endpoint(Echo, local_addr=("127.0.0.1", 0))
    port = server.get_extra_info("sockname")[1]
    queue = asyncio.Queue()
    lost = loop.create_future()
    client, _ = await loop.create_datagram_endpoint(lambda: Client(queue, lost), remote_addr=("127.0.0.1", port))
    for word in [b"one", b"two", b"three"]:
        client.sendto(word)
        print("client got", await asyncio.wait_for(queue.get(), 2))
    client.close()
    print("client is_closing", client.is_closing())
    await lost
    server.close()
    await asyncio.sleep(0.01)

asyncio.run(main())
