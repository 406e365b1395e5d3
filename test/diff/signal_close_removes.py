import asyncio
import signal


def installed(sig):
    return signal.getsignal(sig) not in (signal.SIG_DFL, signal.SIG_IGN, None)


def on_hup():
    print("SIGHUP handled")


loop = asyncio.new_event_loop()
print("before:", installed(signal.SIGHUP))
loop.add_signal_handler(signal.SIGHUP, on_hup)
print("added:", installed(signal.SIGHUP))
loop.run_until_complete(asyncio.sleep(0.01))
print("after a run:", installed(signal.SIGHUP))
loop.close()
print("after close:", installed(signal.SIGHUP))


async def main():
    asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, on_hup)
    print("inside run:", installed(signal.SIGHUP))


asyncio.run(main())
print("after run:", installed(signal.SIGHUP))
