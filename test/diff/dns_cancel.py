import asyncio
import socket


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(loop.getaddrinfo("localhost", 80, type=socket.SOCK_STREAM))
    await asyncio.sleep(0)
    print("cancel requested:", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("lookup cancelled:", task.cancelled())
    infos = await loop.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM)
    print("the next lookup works:", infos[0][4])


asyncio.run(main())
