# run(main, { signal }): an abort cancels the main task, as cancelling it from a
# callback does in Python; its finally blocks run and asyncio.run raises
# CancelledError (the program fails, in both).
# expect: exits with an error
import asyncio

async def main():
    task = asyncio.current_task()
    loop = asyncio.get_running_loop()
    loop.call_later(0.05, task.cancel, "shutdown")
    try:
        print("main waits")
        await asyncio.sleep(3600)
    finally:
        print("main finally, cancelling:", task.cancelling())

asyncio.run(main())
print("not reached")
