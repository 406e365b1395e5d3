import asyncio

def main():
    loop = asyncio.new_event_loop()
    created = []
    def factory(lp, coro, **kwargs):
        t = asyncio.Task(coro, loop=lp, **kwargs)
        created.append(t)
        print("factory made a task")
        return t
    print("no factory:", loop.get_task_factory() is None)
    loop.set_task_factory(factory)
    print("factory set:", loop.get_task_factory() is factory)
    async def child():
        return 1
    async def main_coro():
        a = asyncio.create_task(child())
        b = loop.create_task(child(), name="b")
        return await a + await b
    print(loop.run_until_complete(main_coro()), len(created))
    loop.set_task_factory(None)
    loop.run_until_complete(child())
    print("after reset:", len(created))
    try:
        loop.set_task_factory(42)
    except TypeError as e:
        print("TypeError for a non-callable factory")
    loop.close()

main()
