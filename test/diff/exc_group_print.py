import asyncio
import re
import traceback

# asyncio-ts prints each exception JavaScript's way: its "Name: message" line first, its
# frames ("    at ...") under it, and the outermost group unboxed, so that its stack
# starts like any JavaScript stack. Left out here, then: the frames (the "Traceback (most
# recent call last):" lines, the "File" lines and the source lines under them) and the
# outermost group's margin; the boxes, numbers, cuts and chains must match.
FRAME = re.compile(r" *[|+] (?:(?:Exception Group )?Traceback \(most recent call last\):$|  File |    )")


def show(exc):
    outermost = True
    for line in "".join(traceback.format_exception(exc)).splitlines():
        if FRAME.match(line):
            continue
        if line.startswith("  +-+"):
            outermost = False
        print(line.removeprefix("  | ") if outermost else line)


class MyError(Exception):
    pass


async def fail(exc):
    raise exc


async def fail_when_cancelled(exc):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise exc from None


async def nested():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(TypeError("inner one")))
        tg.create_task(fail(MyError("inner two")))


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_when_cancelled(TypeError("cleanup failed")))
            tg.create_task(fail_when_cancelled(MyError("mine")))
            tg.create_task(nested())
    except ExceptionGroup as eg:
        show(eg)

    print("-- nested in the middle and at the end")
    show(ExceptionGroup("outer", [
        TypeError("a"),
        ExceptionGroup("middle", [MyError("b")]),
        RuntimeError("c"),
        ExceptionGroup("last", [ExceptionGroup("deeper", [TypeError("d"), TypeError("e")])]),
    ]))

    print("-- wide")
    show(ExceptionGroup("wide", [MyError(f"e{i}") for i in range(1, 18)]))

    print("-- deep")
    group = TypeError("bottom")
    for level in range(11, -1, -1):
        group = ExceptionGroup(f"level {level}", [group])
    show(group)

    print("-- causes")
    outer = RuntimeError("outer")
    outer.__cause__ = TypeError("inner")
    outer.__cause__.__cause__ = MyError("root")
    show(ExceptionGroup("chained", [outer, MyError("plain")]))
    shared = MyError("shared cause")
    first, second = TypeError("first"), TypeError("second")
    first.__cause__ = second.__cause__ = shared
    show(ExceptionGroup("sharing", [first, second]))


asyncio.run(main())
