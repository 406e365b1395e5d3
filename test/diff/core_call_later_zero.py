import asyncio

def main():
    loop = asyncio.new_event_loop()
    log = []
    loop.call_soon(log.append, "soon A")
    loop.call_later(0, log.append, "later 0")
    loop.call_later(-1, log.append, "later -1")
    loop.call_soon(log.append, "soon C")
    loop.call_at(loop.time() - 5, log.append, "at past")
    loop.call_soon(loop.stop)
    loop.run_forever()
    print(log)
    log.clear()
    def from_callback():
        log.append("cb")
        loop.call_later(0, log.append, "cb later 0")
        loop.call_soon(log.append, "cb soon")
    loop.call_soon(from_callback)
    loop.run_until_complete(asyncio.sleep(0.01))
    print(log)
    loop.close()

main()
