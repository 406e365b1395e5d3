import asyncio

def main():
    loop = asyncio.new_event_loop()
    def handler(lp, ctx):
        keys = sorted(k for k in ctx if k in ("message", "exception", "handle", "future", "task"))
        print("handler keys:", keys, "|", ctx["message"].split(" ")[0])
    loop.set_exception_handler(handler)
    loop.call_soon(lambda: 1 / 0)
    loop.call_exception_handler({"message": "custom report"})
    loop.run_until_complete(asyncio.sleep(0))
    loop.close()

main()
