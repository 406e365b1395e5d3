# DEVNULL: stdin reads end of file at once, output goes nowhere; no streams on Process.
import asyncio
from asyncio.subprocess import DEVNULL, PIPE


async def main():
    proc = await asyncio.create_subprocess_exec("cat", stdin=DEVNULL, stdout=PIPE)
    print("cat < /dev/null:", await proc.communicate())
    proc = await asyncio.create_subprocess_exec("wc", "-c", stdin=DEVNULL, stdout=PIPE)
    print("wc -c < /dev/null:", (await proc.stdout.read()).strip())
    await proc.wait()
    proc = await asyncio.create_subprocess_shell("echo lost; echo lost too >&2", stdout=DEVNULL, stderr=DEVNULL)
    print("streams:", proc.stdin, proc.stdout, proc.stderr)
    print("communicate:", await proc.communicate(), proc.returncode)
    proc = await asyncio.create_subprocess_exec("sh", "-c", "echo kept >&2", stdout=DEVNULL, stderr=PIPE)
    print("stderr only:", await proc.communicate())


asyncio.run(main())
