import asyncio

async def self_canceller():
    me = asyncio.current_task()
    print("cancel myself:", me.cancel("by myself"), "cancelling:", me.cancelling())
    print("still running until the next await")
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print("got", repr(str(e)))
        try:
            await asyncio.sleep(0)
            print("can await again after catching")
        finally:
            print("finally")
        raise

async def cancel_in_finally():
    try:
        await asyncio.sleep(10)
    finally:
        print("in finally, awaiting cleanup")
        await asyncio.sleep(10)
        print("never")

async def main():
    t = asyncio.create_task(self_canceller())
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled())
    t2 = asyncio.create_task(cancel_in_finally())
    await asyncio.sleep(0)
    t2.cancel()
    await asyncio.sleep(0)
    print("cancelled during cleanup too:", t2.cancel(), t2.cancelling())
    try:
        await t2
    except asyncio.CancelledError:
        print("t2 cancelled:", t2.cancelled())

asyncio.run(main())
