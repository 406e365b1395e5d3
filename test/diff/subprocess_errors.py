# Programs that cannot be run raise the OSError subclass Python's Popen raises, with
# the same message; a bad argument is a TypeError. Nothing is left running.
import asyncio
from asyncio.subprocess import PIPE, STDOUT


async def attempt(label, make):
    try:
        proc = await make()
        print(label, "started, exit:", await proc.wait())
    except OSError as e:
        print(label, "->", f"{type(e).__name__}: {e}", "errno", e.errno, "filename", e.filename)
    except TypeError as e:
        print(label, "->", type(e).__name__)


async def main():
    await attempt("missing", lambda: asyncio.create_subprocess_exec("nosuch-program-xyz", "arg"))
    await attempt("missing merged", lambda: asyncio.create_subprocess_exec("nosuch-program-xyz", stdout=PIPE, stderr=STDOUT))
    await attempt("missing path", lambda: asyncio.create_subprocess_exec("/nonexistent/dir/prog"))
    await attempt("not executable", lambda: asyncio.create_subprocess_exec("/etc/passwd"))
    await attempt("directory", lambda: asyncio.create_subprocess_exec("/tmp"))
    await attempt("missing cwd", lambda: asyncio.create_subprocess_exec("echo", "x", cwd="/nonexistent-dir-xyz"))
    await attempt("int argument", lambda: asyncio.create_subprocess_exec("echo", 42))
    await attempt("shell missing command", lambda: asyncio.create_subprocess_shell("nosuch-program-xyz 2>/dev/null"))
    proc = await asyncio.create_subprocess_shell("echo still fine", stdout=PIPE)
    print("after the failures:", await proc.communicate())


asyncio.run(main())
