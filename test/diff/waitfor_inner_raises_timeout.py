import asyncio

async def own_timeout():
    await asyncio.sleep(0.01)
    raise TimeoutError("raised by the coroutine itself")

async def main():
    try:
        await asyncio.wait_for(own_timeout(), 1)
    except TimeoutError as e:
        print("wait_for passes it on:", repr(str(e)))
    cm = asyncio.timeout(1)
    try:
        async with cm:
            await own_timeout()
    except TimeoutError as e:
        print("timeout() passes it on:", repr(str(e)), "expired:", cm.expired())
    cm = asyncio.timeout(0.02)
    try:
        async with cm:
            await asyncio.wait_for(asyncio.sleep(1), 0.5)
    except TimeoutError as e:
        print("outer timeout fired:", repr(str(e)), "expired:", cm.expired())
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.02)
    except TimeoutError as e:
        print("wait_for's own TimeoutError:", repr(str(e)))
    print("cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
