# The low-level API: loop.subprocess_exec with a SubprocessProtocol, in asyncio's order
# of callbacks, and the transport's getters.
import asyncio
from asyncio.subprocess import DEVNULL

CHILD = "import os, time\nos.write(1, b'to stdout')\nos.close(1)\ntime.sleep(0.05)\nos.write(2, b'to stderr')\nos.close(2)\ntime.sleep(0.05)\n"


class Recorder(asyncio.SubprocessProtocol):
    def __init__(self, done):
        self.done = done
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        print("connection_made, returncode", transport.get_returncode(), "pid is int", isinstance(transport.get_pid(), int))

    def pipe_data_received(self, fd, data):
        print("pipe_data_received", fd, data)

    def pipe_connection_lost(self, fd, exc):
        print("pipe_connection_lost", fd, exc)

    def process_exited(self):
        print("process_exited", self.transport.get_returncode())

    def connection_lost(self, exc):
        print("connection_lost", exc)
        self.done.set_result(None)


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    transport, protocol = await loop.subprocess_exec(lambda: Recorder(done), "python3", "-c", CHILD, stdin=DEVNULL)
    print("returned, same transport:", transport is protocol.transport)
    print("stdin pipe:", transport.get_pipe_transport(0), "stdout pipe exists:", transport.get_pipe_transport(1) is not None)
    await done
    print("returncode", transport.get_returncode(), "closing", transport.is_closing())
    transport.close()
    print("closing after close()", transport.is_closing())

    done = loop.create_future()
    transport, protocol = await loop.subprocess_shell(lambda: Recorder(done), "cat; exec 1>&-; sleep 0.05; exit 9", stderr=DEVNULL)
    transport.get_pipe_transport(0).write(b"echoed by cat")
    transport.get_pipe_transport(0).close()
    await done
    transport.close()


asyncio.run(main())
