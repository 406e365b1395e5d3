# The seed's first program (time.sleep inside a coroutine), with 10 ms sleeps and no timestamps.
import asyncio
import time

async def custom_sleep():
    print('SLEEP')
    time.sleep(0.01)

async def factorial(name, number):
    f = 1
    for i in range(2, number+1):
        print('Task {}: Compute factorial({})'.format(name, i))
        await custom_sleep()
        f *= i
    print('Task {}: factorial({}) is {}\n'.format(name, number, f))

start = time.time()
loop = asyncio.new_event_loop()

tasks = [
    loop.create_task(factorial("A", 3)),
    loop.create_task(factorial("B", 4)),
]
loop.run_until_complete(asyncio.wait(tasks))
loop.close()

end = time.time()
print("Total time at least 0.05:", end - start >= 0.05)
