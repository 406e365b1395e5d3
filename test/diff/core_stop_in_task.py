import asyncio

def main():
    loop = asyncio.new_event_loop()
    async def stopper():
        print("stopper runs")
        await asyncio.sleep(0.01)
        print("stopping the loop")
        loop.stop()
        print("still in the task after stop()")
        await asyncio.sleep(0)
        print("resumed in the next run")
    t = loop.create_task(stopper())
    loop.call_later(0.005, print, "timer fired")
    loop.run_forever()
    print("run_forever returned; task done:", t.done())
    loop.stop()
    loop.run_forever()
    print("a stop() before run_forever runs one iteration; task done:", t.done())
    loop.close()

main()
