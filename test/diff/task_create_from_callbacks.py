import asyncio

async def job(tag):
    me = asyncio.current_task()
    print("  job", tag, "runs as", me.get_name())
    await asyncio.sleep(0)
    print("  job", tag, "finishes")
    return tag

async def main():
    loop = asyncio.get_running_loop()
    made = []
    def from_call_soon():
        print(" call_soon callback: current task", asyncio.current_task())
        made.append(asyncio.create_task(job("soon")))
        print(" created", made[-1].get_name(), "from a callback")
    def from_timer():
        made.append(loop.create_task(job("timer")))
        print(" created", made[-1].get_name(), "from a timer")
    def from_done(f):
        made.append(asyncio.ensure_future(job("done-cb")))
        print(" created", made[-1].get_name(), "from a done callback of", f.get_name())
    loop.call_soon(from_call_soon)
    loop.call_later(0.05, from_timer)
    first = asyncio.create_task(job("first"))
    first.add_done_callback(from_done)
    print("main waits")
    await asyncio.sleep(0.25)
    print("made:", [t.get_name() for t in made], [t.done() for t in made])
    print("results:", [t.result() for t in made], first.result())

asyncio.run(main())
