# stderr=STDOUT: both streams in one pipe, in the order the child wrote them.
import asyncio
from asyncio.subprocess import PIPE, STDOUT

CHILD = "import sys\nfor i in range(3):\n    print('out', i, flush=True)\n    print('err', i, file=sys.stderr, flush=True)\n"


async def main():
    proc = await asyncio.create_subprocess_exec("python3", "-c", CHILD, stdout=PIPE, stderr=STDOUT)
    print("exec stderr is None:", proc.stderr is None)
    print("exec:", await proc.communicate())
    proc = await asyncio.create_subprocess_shell("echo one; echo two >&2; echo three; exit 2", stdout=PIPE, stderr=STDOUT)
    print("shell:", await proc.communicate(), proc.returncode)
    proc = await asyncio.create_subprocess_exec("sh", "-c", "echo to-stdout; echo to-stderr >&2", stdout=PIPE, stderr=PIPE)
    print("separate:", await proc.communicate())
    proc = await asyncio.create_subprocess_exec("sh", "-c", "echo hidden; echo hidden too >&2", stdout=asyncio.subprocess.DEVNULL, stderr=STDOUT)
    print("both to DEVNULL:", await proc.communicate(), proc.returncode)


asyncio.run(main())
