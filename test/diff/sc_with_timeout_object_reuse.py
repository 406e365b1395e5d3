import asyncio

async def main():
    cm = asyncio.timeout(1)
    async with cm:
        await asyncio.sleep(0)
    for action in ("reenter", "reschedule"):
        try:
            if action == "reenter":
                async with cm:
                    pass
            else:
                cm.reschedule(5)
        except RuntimeError as e:
            print(action, "->", e)
    print("when() kept after exit:", cm.when() is not None, "expired:", cm.expired())

asyncio.run(main())
