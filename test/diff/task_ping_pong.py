import asyncio

async def player(name, inbox, outbox, rounds, loop):
    for i in range(rounds):
        fut = inbox[0]
        ball = await fut
        print(name, "got", ball)
        inbox[0] = loop.create_future()
        loop.call_soon(print, "  (callback queued by " + name + ")")
        outbox[0].set_result(ball + 1)
    return name + " done"

async def main():
    loop = asyncio.get_running_loop()
    a_box = [loop.create_future()]
    b_box = [loop.create_future()]
    a = asyncio.create_task(player("A", a_box, b_box, 3, loop))
    b = asyncio.create_task(player("B", b_box, a_box, 3, loop))
    await asyncio.sleep(0)
    print("serve")
    a_box[0].set_result(0)
    print(await asyncio.gather(a, b))
    print("last ball waiting for A:", a_box[0].done(), a_box[0].result() if a_box[0].done() else None)

asyncio.run(main())
