# A server writes to a client that has closed, then drains, as a chat server writing to
# every client does: the first write goes out (the peer's kernel answers it with a
# reset), the next one fails at once, the transport starts closing, drain() raises
# ConnectionResetError('Connection lost'), and the program's dead-client handling runs.
import asyncio


async def main():
    connected = asyncio.Event()
    clients = {}

    async def handle(reader, writer):
        clients["w"], clients["r"] = writer, reader
        connected.set()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await connected.wait()
    writer.close()
    await writer.wait_closed()
    peer = clients["w"]
    print("server reads EOF:", await clients["r"].read())
    dead = []
    for i in range(4):
        peer.write(b"hello\n")
        print(i, "write accepted; closing:", peer.is_closing())
        try:
            await peer.drain()
            print(i, "drain returned")
        except ConnectionError as e:
            print(i, "drain raised", type(e).__name__, e)
            dead.append(i)
        await asyncio.sleep(0.05)
        print(i, "after a pause; closing:", peer.is_closing())
    print("dead-client handling ran at write", dead[0], "then", dead[1:])
    try:
        await peer.wait_closed()
        print("wait_closed returned")
    except ConnectionError as e:
        print("wait_closed raised", type(e).__name__, e)
    server.close()
    await server.wait_closed()


asyncio.run(main())
