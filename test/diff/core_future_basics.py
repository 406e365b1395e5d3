import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f.done(), f.cancelled())
    for op in (f.result, f.exception):
        try:
            op()
        except asyncio.InvalidStateError as e:
            print("InvalidStateError:", e)
    def cb(name):
        def inner(fut):
            print("callback", name, "result", fut.result())
        return inner
    c1, c2 = cb("one"), cb("two")
    f.add_done_callback(c1)
    f.add_done_callback(c2)
    f.add_done_callback(c1)
    print("removed", f.remove_done_callback(c1))
    loop.call_later(0.01, f.set_result, 5)
    print("awaited", await f)
    print("after await")
    await asyncio.sleep(0)
    try:
        f.set_result(6)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        f.set_exception(ValueError("late"))
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    g = loop.create_future()
    g.set_exception(KeyError)
    print("exception class instantiated:", type(g.exception()).__name__)
    h = loop.create_future()
    h.add_done_callback(lambda fut: print("cancelled callback, cancelled:", fut.cancelled()))
    print("cancel:", h.cancel("why"), h.cancel())
    try:
        h.result()
    except asyncio.CancelledError as e:
        print("CancelledError:", e)
    try:
        await h
    except asyncio.CancelledError as e:
        print("await raised CancelledError:", e)
    print("remove from done future:", h.remove_done_callback(c1))

asyncio.run(main())
