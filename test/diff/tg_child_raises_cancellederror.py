import asyncio

async def gives_up():
    await asyncio.sleep(0.01)
    raise asyncio.CancelledError()

async def normal():
    await asyncio.sleep(0.02)
    return "normal"

async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(gives_up())
        b = tg.create_task(normal())
    print("group exits normally; a cancelled:", a.cancelled(), "b:", b.result())
    t = asyncio.create_task(gives_up())
    try:
        await asyncio.shield(t)
    except asyncio.CancelledError:
        print("shield: CancelledError; task cancelled:", t.cancelled())
    try:
        await asyncio.wait_for(asyncio.create_task(gives_up()), 1)
    except asyncio.CancelledError:
        print("wait_for: CancelledError")
    except TimeoutError:
        print("wrong: TimeoutError")
    print("main not cancelled; cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
