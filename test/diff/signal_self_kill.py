import asyncio
import os
import signal


async def main():
    loop = asyncio.get_running_loop()
    got = asyncio.Event()

    def on_usr1(tag):
        print("handler", tag, "runs in the loop:", asyncio.get_running_loop() is loop)
        got.set()

    loop.add_signal_handler(signal.SIGUSR1, on_usr1, "first")
    loop.call_soon(print, "call_soon before the signal")
    print("sending")
    os.kill(os.getpid(), signal.SIGUSR1)
    print("sent; the handler has not run")
    await got.wait()
    print("woke")
    got.clear()
    loop.add_signal_handler(signal.SIGUSR1, on_usr1, "second")
    os.kill(os.getpid(), signal.SIGUSR1)
    await got.wait()
    print("removed:", loop.remove_signal_handler(signal.SIGUSR1))
    print("removed again:", loop.remove_signal_handler(signal.SIGUSR1))


asyncio.run(main())
print("done")
