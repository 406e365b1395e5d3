# A line protocol read as bytes, as binary protocols are: the walrus loop over
# readline, rstrip, split with maxsplit, == and != on bytes, find, b"".join. Some
# payloads are not UTF-8, so decoding would mangle them.
import asyncio

async def main():
    reader = asyncio.StreamReader()
    for piece in [b"PING\r\nSET k \xff\x00\xfe", b"\r\nGET k\r\n", b"\r\nQUIT  now \r\nEXTRA\r\n"]:
        reader.feed_data(piece)
    reader.feed_eof()
    replies = []
    while line := await reader.readline():
        line = line.rstrip(b"\r\n")
        if line == b"":
            print("empty line")
            continue
        cmd, *rest = line.split(b" ", 1)
        print("cmd", cmd, "rest", rest, "words", line.split(), "strip", line.strip())
        if cmd == b"PING":
            replies.append(b"PONG")
        elif cmd == b"SET" and rest != []:
            key, value = rest[0].split(b" ", 1)
            replies.append(b"OK " + key + b" " + str(len(value)).encode())
        elif cmd == b"QUIT":
            print("quit at", line.find(b"now"), line.find(b"later"))
            break
    print("left over", await reader.read())
    data = b"\r\n".join(replies)
    print("reply", data, data != b"", len(data))

asyncio.run(main())
