import asyncio

async def main():
    for bad in ("1", [1]):
        try:
            async with asyncio.timeout(bad):
                await asyncio.sleep(0)
            print("entered with", repr(bad))
        except TypeError:
            print("TypeError for", repr(bad))
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.01)
        print("no deadline:", cm.when())
        cm.reschedule(None)
        try:
            cm.reschedule("2")
        except TypeError:
            print("reschedule: TypeError")
    async with asyncio.timeout_at(None) as cm:
        print("timeout_at(None):", cm.when())
    try:
        await asyncio.wait_for(asyncio.sleep(0), "1")
    except TypeError:
        print("wait_for: TypeError")

asyncio.run(main())
