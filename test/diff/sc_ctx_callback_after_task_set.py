import asyncio
import contextvars

v = contextvars.ContextVar("v", default="root")

async def main():
    loop = asyncio.get_running_loop()
    seen = []
    async def task_body():
        v.set("task value")
        loop.call_soon(lambda: seen.append(("callback scheduled in task", v.get())))
        fut = loop.create_future()
        fut.add_done_callback(lambda f: seen.append(("done callback added in task", v.get())))
        loop.call_soon(fut.set_result, None)
        await fut
        await asyncio.sleep(0)
    await asyncio.create_task(task_body())
    print(seen, "main:", v.get())

asyncio.run(main())
