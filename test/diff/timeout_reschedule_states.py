import asyncio

def try_reschedule(label, cm, when):
    try:
        cm.reschedule(when)
        print(label, "-> ok")
    except RuntimeError as e:
        print(label, "-> RuntimeError:", str(e))

async def main():
    loop = asyncio.get_running_loop()
    cm = asyncio.timeout(1)
    try_reschedule("created", cm, loop.time() + 1)
    async with cm:
        try_reschedule("active", cm, loop.time() + 2)
    try_reschedule("finished", cm, loop.time() + 1)
    try_reschedule("finished, None", cm, None)
    cm = asyncio.timeout(0.01)
    try:
        async with cm:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                try_reschedule("expiring", cm, loop.time() + 5)
                raise
    except TimeoutError:
        print("timed out anyway")
    try_reschedule("expired", cm, loop.time() + 1)
    print("when kept:", cm.when() is not None)
    # a Timeout can be entered only once
    for cm in [asyncio.timeout(1), asyncio.timeout(0.01)]:
        try:
            async with cm:
                await asyncio.sleep(0.02)
        except TimeoutError:
            print("first use timed out")
        try:
            async with cm:
                print("entered twice (wrong)")
        except RuntimeError as e:
            print("second enter -> RuntimeError:", str(e))
    cm = asyncio.timeout(1)
    async with cm:
        try:
            async with cm:
                print("nested re-entry (wrong)")
        except RuntimeError as e:
            print("nested enter -> RuntimeError:", str(e))
        try_reschedule("still active", cm, None)

asyncio.run(main())
