import asyncio
import contextvars

req = contextvars.ContextVar("req")

async def handle(rid):
    req.set(rid)
    await asyncio.sleep(0.001 * (3 - rid))
    sub = await asyncio.gather(step("a"), step("b"))
    return sub

async def step(name):
    await asyncio.sleep(0)
    return f"{req.get()}-{name}"

async def main():
    print(await asyncio.gather(*(handle(r) for r in range(3))))
    try:
        req.get()
    except LookupError:
        print("main never saw a request id")

asyncio.run(main())
