# Writing to a child's stdin after closing it: as on a socket, the write is accepted and
# its data dropped; drain() returns (the pipe was closed by the program, not lost).
import asyncio


async def main():
    proc = await asyncio.create_subprocess_exec("cat", stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    proc.stdin.write(b"first\n")
    await proc.stdin.drain()
    proc.stdin.close()
    proc.stdin.write(b"late\n")
    print("write after close accepted; closing:", proc.stdin.is_closing())
    await proc.stdin.drain()
    print("drain returned")
    print("child read:", await proc.stdout.read())
    print("exit code:", await proc.wait())


asyncio.run(main())
