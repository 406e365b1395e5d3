"""The Python half of the differential scenarios, run many times from one interpreter.

Starting python3 and importing asyncio costs more than most scenarios take to run, and
test/runtimes.test.ts needs every core scenario's Python output. So this server starts
once, imports what the scenarios import, and forks a child per scenario: the child has
a fresh asyncio (no loop was ever made here), runs the scenario as __main__ with its
stdout and stderr sent to files, and exits as `python3 NAME.py` would (status 1 and a
traceback on an uncaught exception, SystemExit's code otherwise).

Protocol, one line each way:
  stdin:  ID <TAB> PATH <TAB> OUTDIR <TAB> CLOCK
          (run PATH; write ID.out and ID.err in OUTDIR; CLOCK is "virtual" to run it on
          virtual time, as `python3 test/diff/_virtual_time.py PATH` does, or "real")
  stdout: ID <TAB> STATUS                    (exit status; -N when killed by signal N)
Children run at once, as many as asked for; the caller bounds how many it asks for.
"""

import atexit
import asyncio  # noqa: F401  (imported before forking: the children find it loaded)
import contextvars  # noqa: F401
import gc
import os
import runpy
import selectors
import signal
import sys
import threading
import time  # noqa: F401
import traceback

TIMEOUT = 60.0  # seconds; a scenario still running then is killed (status -9)


def run_child(path, out_path, err_path, virtual):
    """In the forked child: become `python3 PATH`, then exit with its status."""
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    stdin = os.open(os.devnull, os.O_RDONLY)
    out = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(stdin, 0)
    os.dup2(out, 1)
    os.dup2(err, 2)
    for fd in (stdin, out, err):
        os.close(fd)
    os.chdir(os.path.dirname(path))
    sys.argv = [path]
    sys.path[0] = os.path.dirname(path)
    status = 0
    try:
        if virtual:
            import _virtual_time  # test/diff/_virtual_time.py, beside the scenarios

            _virtual_time.install()
        runpy.run_path(path, run_name="__main__")
    except SystemExit as e:
        # As the interpreter does: None is 0, an int is the status, anything else is
        # printed and gives 1.
        if e.code is None:
            status = 0
        elif isinstance(e.code, int):
            status = e.code
        else:
            print(e.code, file=sys.stderr)
            status = 1
    except BaseException:
        traceback.print_exc()
        status = 1
    # What python3 does on the way out that a scenario could see: wait for its threads,
    # run the atexit handlers, flush. (Tearing down the interpreter only costs time.)
    threading._shutdown()
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        status = status or 120
    os._exit(status & 0xFF)


def main():
    # Leave the imported modules' objects to the children untouched by the collector, so
    # a fork copies fewer pages.
    gc.freeze()
    read_end, write_end = os.pipe()
    os.set_blocking(read_end, False)
    os.set_blocking(write_end, False)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.set_wakeup_fd(write_end)

    selector = selectors.DefaultSelector()
    selector.register(0, selectors.EVENT_READ)
    selector.register(read_end, selectors.EVENT_READ)
    pending = b""
    children = {}  # pid -> (id, deadline)
    stdin_open = True

    def reply(line):
        data = line.encode()
        while data:
            data = data[os.write(1, data):]

    while stdin_open or children:
        deadline = min((d for _, d in children.values()), default=None)
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        for key, _ in selector.select(wait):
            if key.fd == read_end:
                try:
                    while os.read(read_end, 512):
                        pass
                except BlockingIOError:
                    pass
                continue
            chunk = os.read(0, 65536)
            if not chunk:
                stdin_open = False
                selector.unregister(0)
                continue
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                ident, path, outdir, clock = line.decode().split("\t")
                out_path = os.path.join(outdir, ident + ".out")
                err_path = os.path.join(outdir, ident + ".err")
                pid = os.fork()
                if pid == 0:
                    try:
                        selector.close()
                        os.close(read_end)
                        os.close(write_end)
                        run_child(path, out_path, err_path, clock == "virtual")
                    finally:
                        os._exit(70)  # never back into the server's loop
                children[pid] = (ident, time.monotonic() + TIMEOUT)
        now = time.monotonic()
        for pid, (ident, deadline) in list(children.items()):
            if deadline <= now:
                os.kill(pid, signal.SIGKILL)
        while children:
            try:
                pid, wait_status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            ident, _ = children.pop(pid)
            reply(f"{ident}\t{os.waitstatus_to_exitcode(wait_status)}\n")


if __name__ == "__main__":
    main()
