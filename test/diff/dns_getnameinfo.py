import asyncio
import socket


async def attempt(loop, sockaddr, flags=0):
    try:
        print(sockaddr, flags, "->", await loop.getnameinfo(sockaddr, flags))
    except socket.gaierror as e:
        print(sockaddr, flags, "->", type(e).__name__, e)
    except OSError as e:
        print(sockaddr, flags, "->", type(e).__name__, e)


async def main():
    loop = asyncio.get_running_loop()
    await attempt(loop, ("127.0.0.1", 80))
    await attempt(loop, ("127.0.0.1", 22))
    await attempt(loop, ("127.0.0.1", 53), socket.NI_DGRAM)
    await attempt(loop, ("127.0.0.1", 12345))
    await attempt(loop, ("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV)
    await attempt(loop, ("127.0.0.1", 80), socket.NI_NAMEREQD)
    await attempt(loop, ("::1", 22, 0, 0), socket.NI_NUMERICHOST)
    await attempt(loop, ("localhost", 80))
    await attempt(loop, ("127.0.0.1", 80, 0, 0))
    await attempt(loop, ("127.0.0.1", 70000))
    await attempt(loop, ("127.0.0.1", -1))
    await attempt(loop, ("127.0.0.1", 80), 1 << 20)
    await attempt(loop, ("::1", 80, 0, 1), socket.NI_NUMERICHOST)
    await attempt(loop, ("::1", 80, 0))


asyncio.run(main())
