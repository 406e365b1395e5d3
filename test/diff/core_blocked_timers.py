import asyncio, time

def main():
    loop = asyncio.new_event_loop()
    log = []
    h2 = None
    def first():
        log.append("first")
        h2.cancel()
        log.append("cancelled second")
    def block():
        log.append("block")
        time.sleep(0.05)
    loop.call_soon(block)
    loop.call_later(0.01, first)
    h2 = loop.call_later(0.02, log.append, "second")
    loop.call_later(0.03, log.append, "third")
    loop.call_soon(log.append, "soon after block")
    loop.run_until_complete(asyncio.sleep(0.06))
    print(log)
    loop.close()

main()
