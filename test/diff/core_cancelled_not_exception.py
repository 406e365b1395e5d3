import asyncio

async def guarded():
    try:
        await asyncio.sleep(10)
    except Exception as e:
        print("except Exception caught", type(e).__name__)
    except BaseException as e:
        print("only BaseException catches", type(e).__name__)
        raise

async def main():
    t = asyncio.create_task(guarded())
    await asyncio.sleep(0)
    t.cancel()
    results = await asyncio.gather(t, return_exceptions=True)
    print(type(results[0]).__name__, isinstance(results[0], Exception), isinstance(results[0], BaseException))

asyncio.run(main())
