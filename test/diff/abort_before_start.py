# createTask(coro, { signal }) with a signal already aborted: in Python, a task
# cancelled before it starts. Its body never runs; the cancel message is the reason.
import asyncio

ran = []

async def body(name):
    ran.append(name)
    print("body of", name, "runs")
    await asyncio.sleep(0)
    return name

async def main():
    a = asyncio.create_task(body("a"))
    a.cancel("stop before start")
    b = asyncio.create_task(body("b"))
    print("a cancelling:", a.cancelling(), "done:", a.done())
    try:
        await a
    except asyncio.CancelledError as e:
        print("awaiting a:", repr(str(e)))
    print("a cancelled:", a.cancelled())
    print("b:", await b)
    print("ran:", ran)

asyncio.run(main())
