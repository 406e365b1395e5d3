import asyncio

class Pool:
    def __init__(self):
        self.free = ["c1", "c2"]
        self.log = []
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        self.log.append("pool closed")
    def connection(self):
        pool = self
        class Conn:
            async def __aenter__(self):
                while not pool.free:
                    await asyncio.sleep(0.005)
                self.c = pool.free.pop(0)
                pool.log.append("take " + self.c)
                return self.c
            async def __aexit__(self, *exc):
                pool.free.append(self.c)
                pool.log.append("give " + self.c)
        return Conn()

async def main():
    async with Pool() as pool:
        async def user(n):
            async with pool.connection() as c:
                await asyncio.sleep(0.01)
                return f"user {n} used {c}"
        print(await asyncio.gather(*(user(i) for i in range(3))))
    print(pool.log)

asyncio.run(main())
