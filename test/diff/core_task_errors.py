import asyncio

class CustomError(Exception):
    pass

async def raiser(kind):
    await asyncio.sleep(0)
    if kind == "type":
        raise TypeError("bad type")
    if kind == "runtime":
        raise RuntimeError("bad runtime")
    if kind == "custom":
        raise CustomError("custom")
    return kind

async def main():
    tasks = [asyncio.create_task(raiser(k)) for k in ["type", "runtime", "custom", "ok"]]
    await asyncio.wait(tasks)
    for t in tasks:
        e = t.exception()
        print(type(e).__name__ if e else None, e if e else t.result())
    pending = asyncio.create_task(asyncio.sleep(1))
    for op in (pending.result, pending.exception):
        try:
            op()
        except asyncio.InvalidStateError as e:
            print("InvalidStateError:", e)
    pending.cancel()
    await asyncio.sleep(0)
    for op in (pending.result, pending.exception):
        try:
            op()
        except asyncio.CancelledError:
            print("CancelledError from", op.__name__)

asyncio.run(main())
