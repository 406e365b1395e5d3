import asyncio
import os
import signal
import time


def blocking():
    time.sleep(0.2)
    return "thread finished"


async def main():
    loop = asyncio.get_running_loop()
    got = []
    loop.add_signal_handler(signal.SIGUSR1, got.append, "SIGUSR1")
    work = asyncio.create_task(asyncio.to_thread(blocking))
    await asyncio.sleep(0.05)
    os.kill(os.getpid(), signal.SIGUSR1)
    await asyncio.sleep(0.05)
    print("handled while the thread blocks:", got, "thread done:", work.done())
    print(await work)
    loop.remove_signal_handler(signal.SIGUSR1)


asyncio.run(main())
