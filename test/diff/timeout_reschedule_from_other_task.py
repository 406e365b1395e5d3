import asyncio

async def worker(holder, ready, label):
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(0.05) as cm:
            holder.append(cm)
            ready.set()
            await asyncio.sleep(0.12)
            print(label, "finished its work")
    except TimeoutError:
        print(label, "timed out at", round(loop.time() - t0, 1))
    return label

async def main():
    loop = asyncio.get_running_loop()
    # a supervisor extends the worker's deadline
    holder, ready = [], asyncio.Event()
    w = asyncio.create_task(worker(holder, ready, "extended"))
    await ready.wait()
    holder[0].reschedule(loop.time() + 0.2)
    # a supervisor shortens the other worker's deadline
    holder2, ready2 = [], asyncio.Event()
    w2 = asyncio.create_task(worker(holder2, ready2, "shortened"))
    await ready2.wait()
    holder2[0].reschedule(loop.time() - 1)
    print(await asyncio.gather(w, w2))
    print("expired:", holder[0].expired(), holder2[0].expired())

asyncio.run(main())
