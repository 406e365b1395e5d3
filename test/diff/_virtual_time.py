"""Virtual time for the Python half of the differential scenarios.

`python3 _virtual_time.py NAME.py` runs NAME.py as `python3 NAME.py` would, except that
every event loop the default policy makes (`asyncio.run`, `asyncio.new_event_loop`) keeps
virtual time, as the port's loops do on asyncio-ts's VirtualClock: `loop.time()` starts at
0 and, whenever nothing is ready and there is no I/O to wait for, jumps to the next
timer's deadline instead of sleeping. A scenario then prints the same whatever the load
on the machine. (`time.time()`, `time.monotonic()` and `time.sleep()` stay real: a
scenario that uses them runs in real time.)

test/runtimes/oracle.py calls `install()` in the child it forks for a scenario.
"""

import asyncio
import heapq
import itertools
import runpy
import sys
import threading
import time


class VirtualTimeSelector:
    """The loop's selector, for a loop on virtual time.

    The loop asks it to wait up to `timeout` seconds for I/O. When the only file it
    watches is the loop's own self-pipe (no sockets, pipes or subprocesses) and no other
    thread runs (no executor, no `to_thread`, no child watcher), nothing can come in but
    the next timer: the loop's time jumps to that timer instead. Otherwise the wait is
    real, and the time it took is added to the loop's time.
    """

    def __init__(self, loop, selector):
        self._loop = loop
        self._selector = selector

    def __getattr__(self, name):
        return getattr(self._selector, name)

    def select(self, timeout=None):
        loop = self._loop
        if timeout is not None and timeout <= 0:
            return self._selector.select(timeout)
        if timeout is None or len(self._selector.get_map()) > 1 or _other_threads():
            started = time.monotonic()
            events = self._selector.select(timeout)
            loop._virtual_now += time.monotonic() - started
            return events
        events = self._selector.select(0)
        if events:
            return events
        # The loop computed `timeout` from its first timer (capped at a day): jump to
        # that timer's deadline itself, so no rounding leaves it a hair in the future.
        when = loop._scheduled[0]._when if loop._scheduled else loop._virtual_now + timeout
        loop._virtual_now = max(loop._virtual_now, min(when, loop._virtual_now + timeout))
        if loop._scheduled and when - loop._virtual_now <= loop._clock_resolution:
            loop._virtual_now = max(loop._virtual_now, when)
        return []

    def close(self):
        self._selector.close()


def _other_threads():
    return threading.active_count() > 1


class SequencedTimerHandle(asyncio.TimerHandle):
    """A timer that, due at the same time as another, runs after it if made after it.

    Under real time two timers are hardly ever due at the same instant, and the one
    made first is due first; under virtual time `sleep(0.01)` in two tasks gives equal
    deadlines, and Python's heap would run them in either order. asyncio-ts breaks ties
    by creation order, as real time does.
    """

    __slots__ = ["_seq"]

    def __lt__(self, other):
        if isinstance(other, SequencedTimerHandle):
            return (self._when, self._seq) < (other._when, other._seq)
        return super().__lt__(other)

    def __gt__(self, other):
        if isinstance(other, SequencedTimerHandle):
            return (self._when, self._seq) > (other._when, other._seq)
        return super().__gt__(other)


class VirtualTimeEventLoop(asyncio.SelectorEventLoop):
    """The default event loop, its `time()` virtual (starting at 0)."""

    def __init__(self, selector=None):
        self._virtual_now = 0.0
        self._timer_seq = itertools.count()
        super().__init__(selector)
        self._selector = VirtualTimeSelector(self, self._selector)

    def time(self):
        return self._virtual_now

    def call_at(self, when, callback, *args, context=None):
        # BaseEventLoop.call_at, with a timer that breaks ties by creation order.
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = SequencedTimerHandle(when, callback, args, self, context)
        timer._seq = next(self._timer_seq)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


class VirtualTimePolicy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = VirtualTimeEventLoop


def install():
    """Every loop the default policy makes from now on keeps virtual time."""
    asyncio.set_event_loop_policy(VirtualTimePolicy())


def main():
    path = sys.argv[1]
    sys.argv = sys.argv[1:]
    install()
    runpy.run_path(path, run_name="__main__")


if __name__ == "__main__":
    main()
