# echo through exec and through the shell: stdout as a pipe, returncode before and after.
import asyncio
from asyncio.subprocess import PIPE


async def main():
    proc = await asyncio.create_subprocess_exec("echo", "hello", "world", stdout=PIPE)
    print("exec stdin/stderr are None:", proc.stdin is None, proc.stderr is None)
    print("exec:", await proc.communicate())
    print("exec returncode:", proc.returncode)
    proc = await asyncio.create_subprocess_shell("echo $((6 * 7)) 'two  spaces'; echo second line", stdout=PIPE, stderr=PIPE)
    print("shell:", await proc.communicate())
    print("shell returncode:", proc.returncode)
    proc = await asyncio.create_subprocess_exec("printf", "%s|", "a b", "c", "", stdout=PIPE)
    data = await proc.stdout.read()
    print("printf read:", data, "at_eof:", proc.stdout.at_eof())
    print("printf wait:", await proc.wait())


asyncio.run(main())
