import asyncio

async def worker(name, fail):
    try:
        yield name
        yield name + " again"
    finally:
        print(name, "finalizing")
        await asyncio.sleep(0.01)
        if fail:
            raise ValueError(name + " cleanup failed")
        print(name, "finalized")

def handler(loop, context):
    print("handler:", context["message"].split(" <")[0], "|", type(context["exception"]).__name__, context["exception"])

keep = []

# Python closes the generators left at the end of a run in no set order: one per run.
async def main(name, fail):
    asyncio.get_running_loop().set_exception_handler(handler)
    g = worker(name, fail)
    keep.append(g)
    print(await anext(g))
    never_started = worker("never", False)
    keep.append(never_started)
    print("main returns")

asyncio.run(main("ok", False))
print("run returned")
asyncio.run(main("bad", True))
print("run returned")
