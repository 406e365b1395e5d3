# Reading a child's stdout as it comes: readline, readuntil, readexactly, and EOF.
import asyncio
from asyncio.subprocess import PIPE

CHILD = """
import sys, time
for i in range(3):
    print(f"tick {i}", flush=True)
    time.sleep(0.02)
sys.stdout.write("a;b;c;")
sys.stdout.write("0123456789")
sys.stdout.write("tail without newline")
"""


async def main():
    proc = await asyncio.create_subprocess_exec("python3", "-c", CHILD, stdout=PIPE)
    for _ in range(3):
        print("readline:", await proc.stdout.readline())
    for _ in range(3):
        print("readuntil:", await proc.stdout.readuntil(b";"))
    print("readexactly:", await proc.stdout.readexactly(10))
    print("last readline:", await proc.stdout.readline())
    print("at_eof:", proc.stdout.at_eof(), "then:", await proc.stdout.readline())
    try:
        await proc.stdout.readexactly(1)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError partial:", e.partial, "expected:", e.expected)
    print("wait:", await proc.wait())


asyncio.run(main())
