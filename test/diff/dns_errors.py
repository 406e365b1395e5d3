import asyncio
import socket


async def attempt(loop, what, host, port, **kwargs):
    try:
        await loop.getaddrinfo(host, port, **kwargs)
        print(what, "resolved")
    except socket.gaierror as e:
        print(what, "->", type(e).__name__, e.errno, e)
    except OSError as e:
        print(what, "->", type(e).__name__, e)
    except TypeError as e:
        print(what, "->", type(e).__name__)


async def main():
    loop = asyncio.get_running_loop()
    await attempt(loop, "unknown service", "127.0.0.1", "no-such-service")
    await attempt(loop, "negative port", "127.0.0.1", -1)
    await attempt(loop, "udp service over tcp only", "127.0.0.1", "http", type=socket.SOCK_DGRAM)
    await attempt(loop, "raw socket with a port", "127.0.0.1", 80, type=socket.SOCK_RAW)
    await attempt(loop, "type and protocol disagree", "127.0.0.1", 80, type=socket.SOCK_STREAM, proto=socket.IPPROTO_UDP)
    await attempt(loop, "unknown type", "127.0.0.1", 80, type=99)
    await attempt(loop, "unknown family", "127.0.0.1", 80, family=99)
    await attempt(loop, "ipv4 address as ipv6", "127.0.0.1", 80, family=socket.AF_INET6)
    await attempt(loop, "ipv6 address as ipv4", "::1", 80, family=socket.AF_INET)
    await attempt(loop, "a name under AI_NUMERICHOST", "localhost", 80, flags=socket.AI_NUMERICHOST)
    await attempt(loop, "a service name under AI_NUMERICSERV", "127.0.0.1", "http", flags=socket.AI_NUMERICSERV)
    await attempt(loop, "empty host", "", 80)
    await attempt(loop, "no host and no port", None, None)
    await attempt(loop, "a float port", "127.0.0.1", 80.5)
    await attempt(loop, "a number as host", 42, 80)
    await attempt(loop, "empty host, unknown service", "", "no-such-service")
    await attempt(loop, "AI_CANONNAME without a host", None, 80, flags=socket.AI_CANONNAME)
    await attempt(loop, "an unknown flag", "127.0.0.1", 80, flags=1 << 20)
    await attempt(loop, "a protocol only raw sockets take, with a port", "127.0.0.1", 80, proto=255)
    raw = await loop.getaddrinfo("127.0.0.1", None, proto=255)
    print("a protocol only raw sockets take, no port:", [(int(f), int(t), p) for f, t, p, _, _ in raw])
    infos = await loop.getaddrinfo("127.0.0.1", 70000, type=socket.SOCK_STREAM)
    print("port 70000 becomes", infos[0][4][1])


asyncio.run(main())
