import asyncio
import traceback

NAMES = {"main", "middle", "helper", "inner", "gathered"}

def chain(error):
    return [f.name for f in traceback.extract_tb(error.__traceback__) if f.name in NAMES]

async def inner():
    await asyncio.sleep(0)
    raise ValueError("deep")

async def helper():
    return await asyncio.create_task(inner())

async def middle():
    return await helper()

async def gathered():
    await asyncio.gather(asyncio.create_task(middle()))

async def main():
    try:
        await asyncio.create_task(middle())
    except ValueError as e:
        print("awaited tasks:", chain(e))
    try:
        await asyncio.create_task(gathered())
    except ValueError as e:
        print("through gather:", chain(e))
    await asyncio.create_task(middle())

try:
    asyncio.run(main())
except ValueError as e:
    print("out of run:", chain(e))
