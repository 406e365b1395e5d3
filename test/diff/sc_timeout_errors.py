import asyncio

async def main():
    t = asyncio.timeout(1)
    async with t:
        try:
            async with t:
                pass
        except RuntimeError as e:
            print("RuntimeError:", e)
    try:
        t.reschedule(None)
    except RuntimeError as e:
        print("RuntimeError:", e)
    async with asyncio.timeout(0.5):
        async def inner():
            try:
                async with asyncio.timeout(0.01):
                    raise ValueError("not a timeout")
            except ValueError as e:
                return "other errors pass through: " + str(e)
        print(await inner())
    try:
        async with asyncio.timeout(0.01):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                raise ValueError("raised while being cancelled")
    except ValueError as e:
        print("an error replacing the cancellation is kept:", e)
    except TimeoutError:
        print("TimeoutError")

asyncio.run(main())
