# fan-out tree: a TaskGroup tree of depth 4 and fan-out 10; each leaf sleeps 0 and
# returns 1; sums flow up the tree. Checked: the sum is the number of leaves.
import asyncio, sys, time
sys.path.insert(0, __file__.rsplit("/", 3)[0])
from harness import report

depth, fanout = 4, 10

async def node(level):
    if level == depth:
        await asyncio.sleep(0)
        return 1
    async with asyncio.TaskGroup() as tg:
        children = [tg.create_task(node(level + 1)) for _ in range(fanout)]
    return sum(c.result() for c in children)

start = time.perf_counter()
leaves = asyncio.run(node(0))
report((time.perf_counter() - start) * 1000, leaves, fanout ** depth)
