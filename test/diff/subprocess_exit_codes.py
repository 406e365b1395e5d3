# Exit statuses through exec and shell; returncode is None until the exit is seen.
import asyncio
import sys


async def main():
    for code in (0, 1, 3, 255):
        proc = await asyncio.create_subprocess_exec("sh", "-c", f"exit {code}")
        print("exec exit", code, "->", await proc.wait(), proc.returncode)
    proc = await asyncio.create_subprocess_shell("exit 7")
    print("shell exit 7 ->", await proc.wait())
    proc = await asyncio.create_subprocess_shell("false || exit 42")
    print("shell false || exit 42 ->", await proc.wait())
    proc = await asyncio.create_subprocess_exec("python3", "-c", "import sys, time; time.sleep(0.1); sys.exit(5)")
    print("running returncode:", proc.returncode)
    print("python sys.exit(5) ->", await proc.wait())
    print("wait again ->", await proc.wait())
    proc = await asyncio.create_subprocess_shell("nosuch-command-xyz 2>/dev/null")
    print("shell command not found ->", await proc.wait())


asyncio.run(main())
