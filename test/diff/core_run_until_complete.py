import asyncio

async def slow():
    await asyncio.sleep(0.05)
    return "slow result"

def main():
    loop = asyncio.new_event_loop()
    print(loop.run_until_complete(asyncio.sleep(0, "direct")))
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "future result")
    print(loop.run_until_complete(fut))
    t = loop.create_task(slow())
    loop.call_later(0.01, loop.stop)
    try:
        loop.run_until_complete(t)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("task still pending:", not t.done(), "running:", loop.is_running())
    print(loop.run_until_complete(t))
    async def check_running():
        return loop.is_running()
    print("is_running inside:", loop.run_until_complete(check_running()))
    async def fails():
        raise ValueError("inside run_until_complete")
    try:
        loop.run_until_complete(fails())
    except ValueError as e:
        print("ValueError:", e)
    loop.close()
    loop.close()
    print("closed twice fine:", loop.is_closed())
    for attempt in (lambda: loop.call_soon(print), lambda: loop.call_later(1, print), lambda: loop.run_forever()):
        try:
            attempt()
        except RuntimeError as e:
            print("RuntimeError:", e)

main()
