import asyncio

class Err1(Exception): pass
class Err2(Exception): pass

async def raise_after(exc, d):
    await asyncio.sleep(d)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(raise_after(Err1("one"), 0))
            tg.create_task(raise_after(Err2("two"), 0))
    except ExceptionGroup as eg:
        print("message:", str(eg).split(" (")[0])
        print(sorted(type(e).__name__ + ":" + str(e) for e in eg.exceptions))
        e1, rest = eg.split(Err1)
        print("split:", [str(e) for e in e1.exceptions], [str(e) for e in rest.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            t = tg.create_task(raise_after(Err1("lonely"), 0))
    except ExceptionGroup as eg:
        print("single error still grouped:", len(eg.exceptions), type(eg.exceptions[0]).__name__)
        print("the failed task holds it:", t.exception() is eg.exceptions[0])

asyncio.run(main())
