# Killed by a signal: returncode is minus the signal number. Signalling a process that
# was waited for raises ProcessLookupError.
import asyncio
import signal
from asyncio.subprocess import PIPE


async def main():
    proc = await asyncio.create_subprocess_exec("sleep", "10")
    print("running:", proc.returncode)
    proc.kill()
    print("after kill():", proc.returncode)
    print("kill ->", await proc.wait(), proc.returncode)
    proc = await asyncio.create_subprocess_exec("sleep", "10", stdout=PIPE)
    proc.terminate()
    print("terminate ->", await proc.wait())
    proc = await asyncio.create_subprocess_shell("exec sleep 10")
    proc.send_signal(signal.SIGINT)
    print("SIGINT ->", await proc.wait())
    proc = await asyncio.create_subprocess_exec(
        "python3", "-c", "import signal, sys, time\nsignal.signal(signal.SIGTERM, lambda *a: sys.exit(3))\nprint('ready', flush=True)\ntime.sleep(10)", stdout=PIPE)
    print("child:", await proc.stdout.readline())
    proc.terminate()
    print("handled SIGTERM ->", await proc.wait())
    for method in (proc.kill, proc.terminate, lambda: proc.send_signal(signal.SIGINT)):
        try:
            method()
            print("no error")
        except ProcessLookupError as e:
            print("after wait:", type(e).__name__)


asyncio.run(main())
