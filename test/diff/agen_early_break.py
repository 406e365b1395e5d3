import asyncio

async def ticker(name, n):
    try:
        for i in range(n):
            print(name, "yield", i)
            yield i
            await asyncio.sleep(0)
    finally:
        print(name, "finally")

held_globally = None

async def main():
    global held_globally
    g = ticker("local", 5)
    async for x in g:
        print("local got", x)
        if x == 1:
            break
    print("after local loop")
    async for x in g:
        print("local resumed", x)
        if x == 3:
            break
    held_globally = ticker("global", 3)
    async for x in held_globally:
        print("global got", x)
        break
    await asyncio.sleep(0.01)
    print("main done")

asyncio.run(main())
print("after run")
