import asyncio

async def work(exc):
    await asyncio.sleep(0.01)
    if exc is not None:
        raise exc

async def handle(exc):
    try:
        await work(exc)
    except* ValueError as eg:
        print("  except* ValueError:", repr(eg.message), [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("  except* TypeError:", repr(eg.message), [str(e) for e in eg.exceptions])
    else:
        print("  else: no error")
    print("  after the try")

async def fail(kind, message):
    await asyncio.sleep(0.01)
    raise kind(message)

async def main():
    lookup_error = LookupError("k")
    cases = [
        ("nothing", None),
        ("a plain ValueError", ValueError("plain v")),
        ("a plain TypeError", TypeError("plain t")),
        ("a plain LookupError", lookup_error),
        ("a group of both", ExceptionGroup("mixed", [ValueError("a"), TypeError("b"), ValueError("c")])),
        ("a group with a rest", ExceptionGroup("with rest", [ValueError("d"), RuntimeError("e")])),
    ]
    for label, exc in cases:
        print("raising", label)
        try:
            await handle(exc)
        except Exception as e:
            rest = [str(x) for x in e.exceptions] if isinstance(e, ExceptionGroup) else None
            print("  went on:", type(e).__name__, e is lookup_error, rest)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError, "task v"))
            tg.create_task(fail(TypeError, "task t"))
    except* ValueError as eg:
        print("TaskGroup ValueErrors:", [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TaskGroup TypeErrors:", [str(e) for e in eg.exceptions])
    try:
        try:
            await fail(RuntimeError, "not matched")
        except* ValueError:
            print("never")
    except RuntimeError as e:
        print("a plain error nobody matched is re-raised as it is:", type(e).__name__, e)

asyncio.run(main())
