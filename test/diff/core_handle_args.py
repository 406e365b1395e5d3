import asyncio

def main():
    loop = asyncio.new_event_loop()
    def show(*args):
        print("args:", args)
    loop.call_soon(show)
    loop.call_soon(show, 1)
    loop.call_soon(show, 1, "two", [3])
    h = loop.call_later(0.01, show, "timer", 4)
    print("when > now:", h.when() > loop.time())
    loop.run_until_complete(asyncio.sleep(0.02))
    print("cancel after run:", h.cancel(), h.cancelled())
    h2 = loop.call_soon(show, "never")
    h2.cancel()
    h2.cancel()
    print("cancelled twice:", h2.cancelled())
    loop.run_until_complete(asyncio.sleep(0))
    loop.close()

main()
