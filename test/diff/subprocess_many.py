# Ten children at once with gather: results in argument order, total time well under
# the sum of their run times.
import asyncio
from asyncio.subprocess import PIPE


async def run(i):
    proc = await asyncio.create_subprocess_shell(f"sleep 0.{9 - i % 5}; echo child {i}; exit {i}", stdout=PIPE)
    out, _ = await proc.communicate()
    return out.decode().strip(), proc.returncode


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    results = await asyncio.gather(*(run(i) for i in range(10)))
    for r in results:
        print(r)
    print("concurrent:", loop.time() - t0 < 2.0)


asyncio.run(main())
