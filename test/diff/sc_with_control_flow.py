import asyncio

class Tracker:
    def __init__(self, log, n):
        self.log, self.n = log, n
    async def __aenter__(self):
        self.log.append(f"enter {self.n}")
    async def __aexit__(self, *exc):
        self.log.append(f"exit {self.n}")

async def first_even(log):
    for n in range(5):
        async with Tracker(log, n):
            if n % 2 == 1:
                continue
            if n == 2:
                return n
    return None

async def main():
    log = []
    print("returned", await first_even(log))
    print(log)
    log.clear()
    for n in range(3):
        async with Tracker(log, n):
            if n == 1:
                break
    print(log)

asyncio.run(main())
