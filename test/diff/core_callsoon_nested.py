import asyncio

def main():
    loop = asyncio.new_event_loop()
    def cb(name, depth):
        print("run", name, depth)
        if depth < 2:
            loop.call_soon(cb, name + "'", depth + 1)
    loop.call_soon(cb, "a", 0)
    loop.call_soon(cb, "b", 0)
    loop.call_soon(loop.stop)
    loop.run_forever()
    print("stopped after first iteration, running again")
    loop.call_soon(loop.stop)
    loop.run_forever()
    print("second stop")
    loop.run_until_complete(asyncio.sleep(0))
    loop.close()
    print("closed", loop.is_closed())

main()
