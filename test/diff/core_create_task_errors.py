import asyncio

async def noop():
    pass

async def main():
    loop = asyncio.get_running_loop()
    for bad in (42, noop, None):
        try:
            asyncio.create_task(bad)
        except TypeError as e:
            print("TypeError:", str(e).split(" got ")[0])
    closed = asyncio.new_event_loop()
    closed.close()
    c = noop()
    try:
        closed.create_task(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()

asyncio.run(main())
