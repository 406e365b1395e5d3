# Talking to a child line by line: write a request, drain, read the reply; then
# write_eof, wait_closed and the child's last words.
import asyncio
from asyncio.subprocess import PIPE

CHILD = """
import sys
for line in sys.stdin:
    print(line.strip()[::-1], flush=True)
print("bye after", "eof", flush=True)
"""


async def main():
    proc = await asyncio.create_subprocess_exec("python3", "-c", CHILD, stdin=PIPE, stdout=PIPE)
    for word in ("hello", "asyncio", "subprocess"):
        proc.stdin.write(word.encode() + b"\n")
        await proc.stdin.drain()
        print("sent", word, "got", await proc.stdout.readline())
    proc.stdin.writelines([b"one\n", b"two\n"])
    print("can_write_eof:", proc.stdin.can_write_eof())
    proc.stdin.write_eof()
    print("is_closing after write_eof:", proc.stdin.is_closing())
    await proc.stdin.wait_closed()
    print("rest:", await proc.stdout.read())
    print("exit:", await proc.wait())


asyncio.run(main())
