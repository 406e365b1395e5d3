# communicate(input): the input goes to stdin, which is closed; stdout and stderr are
# read together. A child that exits without reading a large input is not an error.
import asyncio
from asyncio.subprocess import PIPE

SPLIT = "import sys\ndata = sys.stdin.buffer.read()\nsys.stdout.buffer.write(data.upper())\nsys.stderr.buffer.write(str(len(data)).encode())\n"


async def main():
    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    print("cat:", await proc.communicate(b"some input\nand more"))
    proc = await asyncio.create_subprocess_exec("python3", "-c", SPLIT, stdin=PIPE, stdout=PIPE, stderr=PIPE)
    out, err = await proc.communicate(b"abc" * 300000)
    print("big:", len(out), out[:6], err, proc.returncode)
    proc = await asyncio.create_subprocess_exec("python3", "-c", "import sys; sys.exit(4)", stdin=PIPE, stdout=PIPE)
    print("exits without reading:", await proc.communicate(b"x" * 2000000), proc.returncode)
    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE)
    print("stdout not piped:", await proc.communicate(b""))
    proc = await asyncio.create_subprocess_exec("wc", "-c", stdin=PIPE, stdout=PIPE)
    proc.stdin.write(b"12345")
    print("after write, communicate with input too:", await proc.communicate(b"678"))
    print("communicate again:", await proc.communicate())


asyncio.run(main())
