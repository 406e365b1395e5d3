import asyncio
import concurrent.futures
import time


def job(name, delay):
    time.sleep(delay)
    return name


async def main():
    loop = asyncio.get_running_loop()
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    finished = []
    futs = [loop.run_in_executor(pool, job, name, 0.03) for name in ["a", "b", "c", "d"]]
    for fut in futs:
        fut.add_done_callback(lambda f: finished.append(f.result() if not f.cancelled() else "cancelled"))
    futs[2].cancel()
    results = await asyncio.gather(*futs, return_exceptions=True)
    print("results:", [type(r).__name__ if isinstance(r, BaseException) else r for r in results])
    print("completion order:", finished)
    pool.shutdown(wait=True)
    try:
        loop.run_in_executor(pool, job, "e", 0)
    except RuntimeError as e:
        print(f"{type(e).__name__}: {e}")
    try:
        concurrent.futures.ThreadPoolExecutor(max_workers=0)
    except ValueError as e:
        print(f"{type(e).__name__}: {e}")


asyncio.run(main())
