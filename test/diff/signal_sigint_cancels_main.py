import asyncio, os, signal

async def helper():
    try:
        await asyncio.sleep(5)
    finally:
        print("helper: finally (cancelled as a leftover task)")

async def main():
    asyncio.create_task(helper())
    try:
        print("main: sending SIGINT to itself")
        os.kill(os.getpid(), signal.SIGINT)
        await asyncio.sleep(5)
        print("not reached")
    except asyncio.CancelledError:
        print("main: cancelled, cleaning up")
        raise
    finally:
        print("main: finally")

async def swallower():
    try:
        os.kill(os.getpid(), signal.SIGINT)
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("swallower: cancelled, returns anyway")
    return "swallowed"

try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("asyncio.run raised KeyboardInterrupt")

# a main task that swallows the cancellation returns its result: no KeyboardInterrupt
print("second run:", asyncio.run(swallower()))
