import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        loop.run_until_complete(asyncio.sleep(0))
    except RuntimeError as e:
        print("RuntimeError:", e)
    other = asyncio.new_event_loop()
    try:
        other.run_until_complete(asyncio.sleep(0))
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        other.run_forever()
    except RuntimeError as e:
        print("RuntimeError:", e)
    other.close()
    try:
        loop.close()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        loop.run_forever()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
