import asyncio

async def stubborn_failure():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise ValueError("failed while being cancelled")

async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda lp, ctx: print("handler:", ctx["message"], "|", type(ctx["exception"]).__name__, ctx["exception"]))
    asyncio.create_task(stubborn_failure())
    await asyncio.sleep(0)
    print("main done")

asyncio.run(main())
print("run returned normally")
