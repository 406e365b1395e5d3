import asyncio
import socket


def show(infos):
    for family, type_, proto, canonname, sockaddr in infos:
        print(" ", int(family), int(type_), proto, repr(canonname), list(sockaddr))


async def main():
    loop = asyncio.get_running_loop()
    print("stream:")
    show(await loop.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM))
    print("any type:")
    show(await loop.getaddrinfo("127.0.0.1", 8080))
    print("udp by protocol:")
    show(await loop.getaddrinfo("127.0.0.1", "53", proto=socket.IPPROTO_UDP))
    print("ipv6:")
    show(await loop.getaddrinfo("::1", 443, type=socket.SOCK_STREAM))
    print("no host:")
    show(await loop.getaddrinfo(None, 80, type=socket.SOCK_STREAM))
    print("passive:")
    show(await loop.getaddrinfo(None, 80, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE))
    print("canonname:")
    show(await loop.getaddrinfo("127.0.0.1", None, type=socket.SOCK_DGRAM, flags=socket.AI_CANONNAME))
    print("service name:")
    show(await loop.getaddrinfo("127.0.0.1", "http", type=socket.SOCK_STREAM))
    print("localhost:")
    show(await loop.getaddrinfo("localhost", 80, family=socket.AF_INET, type=socket.SOCK_STREAM))


asyncio.run(main())
