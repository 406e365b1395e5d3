import asyncio

# Task start order relative to the creator (the non-eager default, same in 3.11 and 3.13).
async def child(name, log):
    log.append(f"{name} starts")
    await asyncio.sleep(0)
    log.append(f"{name} resumes")

async def main():
    log = []
    t1 = asyncio.create_task(child("t1", log))
    log.append("created t1")
    t2 = asyncio.create_task(child("t2", log))
    log.append("created t2")
    await asyncio.sleep(0)
    log.append("main after one turn")
    await asyncio.gather(t1, t2)
    print(log)

asyncio.run(main())
