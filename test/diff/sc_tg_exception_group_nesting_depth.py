import asyncio

async def fail(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)

async def level(n):
    if n == 0:
        await fail("leaf")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(level(n - 1))

def shape(e):
    if isinstance(e, ExceptionGroup):
        return [shape(x) for x in e.exceptions]
    return str(e)

async def main():
    try:
        await level(3)
    except ExceptionGroup as eg:
        print(shape(eg))
        print("leaves via split:", [str(x) for x in eg.split(ValueError)[0].exceptions[0].exceptions[0].exceptions])

asyncio.run(main())
