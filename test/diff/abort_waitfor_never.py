# wrapPromise((signal) => a promise that never settles) under waitFor: in Python, a
# future that never completes under wait_for. The timeout cancels it (the TypeScript
# signal aborts where Python's done callback sees it cancelled), then TimeoutError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("aborted:", f.cancelled()))
    t0 = loop.time()
    try:
        await asyncio.wait_for(fut, 0.1)
    except TimeoutError:
        print("TimeoutError after", round(loop.time() - t0, 1))
    print("future cancelled:", fut.cancelled())

asyncio.run(main())
