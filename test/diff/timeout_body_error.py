import asyncio

async def main():
    task = asyncio.current_task()
    cm = asyncio.timeout(0.1)
    try:
        async with cm:
            await asyncio.sleep(0.01)
            raise ValueError("before the deadline")
    except TimeoutError:
        print("wrong: TimeoutError")
    except ValueError as e:
        print("ValueError passes through:", str(e), "expired:", cm.expired())
    cm = asyncio.timeout(0.01)
    try:
        async with cm:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                raise ValueError("raised while handling the expiry")
    except TimeoutError:
        print("wrong: TimeoutError")
    except ValueError as e:
        print("ValueError wins over the timeout:", str(e), "expired:", cm.expired())
    print("cancelling:", task.cancelling())
    cm = asyncio.timeout(0.01)
    try:
        async with cm:
            try:
                await asyncio.sleep(1)
            finally:
                print("finally runs before the TimeoutError")
                await asyncio.sleep(0.01)
                print("finally can still await")
    except TimeoutError:
        print("TimeoutError after cleanup; expired:", cm.expired())
    print("cancelling:", task.cancelling())

asyncio.run(main())
