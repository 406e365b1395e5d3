import asyncio

attempts = []

async def flaky(i):
    await asyncio.sleep(0)
    if i % 2 == 0:
        raise ValueError("flake %d" % i)
    return i

async def retry_forever():
    # A typical "keep going on errors" loop: it must still be cancellable.
    i = 0
    while True:
        try:
            r = await flaky(i)
            attempts.append(r)
        except Exception as e:
            attempts.append(type(e).__name__)
        i += 1

async def safe(aw):
    try:
        return await aw
    except Exception as e:
        return "error: " + str(e)

async def catch_base():
    try:
        await asyncio.sleep(1)
    except BaseException as e:
        print("  except BaseException caught", type(e).__name__)
        return "base caught"

async def catch_tuple():
    try:
        await asyncio.sleep(1)
    except (ValueError, asyncio.CancelledError) as e:
        print("  except (ValueError, CancelledError) caught", type(e).__name__)
        return "tuple caught"

async def main():
    t = asyncio.create_task(retry_forever())
    for _ in range(9):
        await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("retry loop cancelled:", t.cancelled(), "attempts:", attempts)
    print("safe with error:", await safe(flaky(0)))
    s = asyncio.create_task(safe(asyncio.sleep(1)))
    await asyncio.sleep(0)
    s.cancel("through safe")
    try:
        print(await s)
    except asyncio.CancelledError as e:
        print("safe() let the cancel through:", repr(str(e)), s.cancelled())
    for f in (catch_base, catch_tuple):
        t = asyncio.create_task(f())
        await asyncio.sleep(0)
        t.cancel()
        print(await t, "cancelled:", t.cancelled())

asyncio.run(main())
