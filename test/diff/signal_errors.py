import asyncio
import signal


async def coro_handler():
    pass


def handler():
    pass


async def main():
    loop = asyncio.get_running_loop()
    for sig in [signal.SIGKILL, signal.SIGSTOP]:
        try:
            loop.add_signal_handler(sig, handler)
        except RuntimeError as e:
            print(f"{type(e).__name__}: {e}")
    for sig in [0, 1000]:
        try:
            loop.add_signal_handler(sig, handler)
        except ValueError as e:
            print(f"{type(e).__name__}: {e}")
    try:
        loop.add_signal_handler(signal.SIGUSR1, coro_handler)
    except TypeError as e:
        print(type(e).__name__)
    try:
        loop.add_signal_handler(2.5, handler)
    except TypeError as e:
        print(type(e).__name__)
    print("remove without a handler:", loop.remove_signal_handler(signal.SIGUSR2))
    print("remove an uncatchable one:", loop.remove_signal_handler(signal.SIGKILL))


asyncio.run(main())
loop = asyncio.new_event_loop()
loop.close()
try:
    loop.add_signal_handler(signal.SIGUSR1, handler)
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")
