import asyncio

def main():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    print("get_event_loop returns the set loop:", asyncio.get_event_loop() is loop)
    async def inside():
        return asyncio.get_event_loop() is loop, asyncio.get_running_loop() is loop
    print("inside:", loop.run_until_complete(inside()))
    other = asyncio.new_event_loop()
    print("new loop is different:", other is not loop)
    async def on_other():
        return asyncio.get_running_loop() is other, asyncio.get_event_loop() is other
    print("running other:", other.run_until_complete(on_other()))
    print("set loop unchanged:", asyncio.get_event_loop() is loop)
    other.close()
    loop.close()
    print("closed loop still current:", asyncio.get_event_loop() is loop, loop.is_closed())
    asyncio.set_event_loop(None)
    try:
        asyncio.get_event_loop()
    except RuntimeError:
        print("RuntimeError after set_event_loop(None)")

main()
