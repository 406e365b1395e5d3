import asyncio

def main():
    loop = asyncio.new_event_loop()
    log = []
    def first():
        log.append("first")
        loop.stop()
        loop.call_soon(log.append, "scheduled after stop")
    loop.call_soon(first)
    loop.call_soon(log.append, "same iteration as stop")
    loop.run_forever()
    print("after first run:", log)
    loop.run_until_complete(asyncio.sleep(0))
    print("after second run:", log)
    loop.close()

main()
