import asyncio

async def body(name):
    print(name, "started")
    await asyncio.sleep(0)
    print(name, "finished")

def main():
    loop = asyncio.new_event_loop()
    a = loop.create_task(body("a"))
    b = loop.create_task(body("b"))
    print("cancel b before the loop runs:", b.cancel())
    loop.run_until_complete(asyncio.wait([a, b]))
    print("a:", a.result(), "b cancelled:", b.cancelled())
    fut = loop.create_future()
    fut.set_exception(ValueError("future error"))
    try:
        loop.run_until_complete(fut)
    except ValueError as e:
        print("run_until_complete(failed future):", e)
    loop.close()

main()
