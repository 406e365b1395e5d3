import asyncio

def main():
    loop = asyncio.new_event_loop()
    seen = []
    def handler(lp, context):
        exc = context.get("exception")
        print("handler:", context["message"].split(" ")[0:3], type(exc).__name__, exc)
    print("default handler set:", loop.get_exception_handler() is None)
    loop.set_exception_handler(handler)
    print("custom handler set:", loop.get_exception_handler() is handler)
    def boom(n):
        raise ValueError("boom %d" % n)
    loop.call_soon(boom, 1)
    loop.call_soon(print, "still running")
    loop.call_later(0.01, boom, 2)
    fut = loop.create_future()
    def bad_done(f):
        raise LookupError("in done callback")
    fut.add_done_callback(bad_done)
    loop.call_soon(fut.set_result, None)
    loop.run_until_complete(asyncio.sleep(0.02))
    def failing_handler(lp, context):
        raise RuntimeError("handler itself failed")
    loop.set_exception_handler(failing_handler)
    loop.call_soon(boom, 3)
    loop.run_until_complete(asyncio.sleep(0))
    print("loop survived a failing handler")
    loop.set_exception_handler(None)
    print("reset:", loop.get_exception_handler() is None)
    loop.close()

main()
