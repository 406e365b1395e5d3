# Several tasks wait for the same process; one of them is cancelled, the others get
# the return code, and the process stays usable.
import asyncio
from asyncio.subprocess import PIPE


async def waiter(name, proc):
    rc = await proc.wait()
    print(name, "got", rc)
    return rc


async def main():
    proc = await asyncio.create_subprocess_exec("sh", "-c", "read line; echo got $line; exit 6", stdin=PIPE, stdout=PIPE)
    tasks = [asyncio.create_task(waiter(name, proc)) for name in ("a", "b", "c")]
    await asyncio.sleep(0.05)
    tasks[1].cancel()
    await asyncio.sleep(0)
    print("b cancelled:", tasks[1].cancelled(), "returncode still:", proc.returncode)
    proc.stdin.write(b"hello\n")
    print("stdout:", await proc.stdout.readline())
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print("results:", [type(r).__name__ if isinstance(r, BaseException) else r for r in results])
    print("late waiter:", await waiter("d", proc))
    try:
        await asyncio.wait_for(proc.wait(), 1)
        print("wait_for after exit: ok")
    except asyncio.TimeoutError:
        print("timeout")
    proc = await asyncio.create_subprocess_exec("sleep", "10")
    try:
        await asyncio.wait_for(proc.wait(), 0.1)
    except asyncio.TimeoutError:
        print("wait_for timed out, returncode:", proc.returncode)
    proc.kill()
    print("then killed:", await proc.wait())


asyncio.run(main())
