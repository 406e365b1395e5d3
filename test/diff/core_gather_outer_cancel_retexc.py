import asyncio

async def child(name, d):
    try:
        await asyncio.sleep(d)
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    g = asyncio.gather(child("a", 0.01), child("b", 1), return_exceptions=True)
    await asyncio.sleep(0.02)
    print("cancel:", g.cancel())
    try:
        print(await g)
    except asyncio.CancelledError:
        print("return_exceptions does not swallow the gather's own cancellation")
    done = asyncio.gather(child("c", 0))
    await done
    print("cancel a finished gather:", done.cancel())
    g2 = asyncio.gather(child("d", 0.01))
    await asyncio.sleep(0.02)
    print("cancel when all children finished:", g2.cancel(), await g2)

asyncio.run(main())
