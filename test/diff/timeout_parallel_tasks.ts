import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* job(name: string, limit: number | null, work: number) {
  try {
    yield* asyncio.asyncWith(asyncio.timeout(limit), function* () {
      yield* asyncio.sleep(work);
    });
    print(name, "finished");
    return name;
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print(name, "timed out");
    return null;
  }
}

function* main() {
  const tasks = [
    asyncio.createTask(job("a", 0.06, 1)),
    asyncio.createTask(job("b", 0.02, 1)),
    asyncio.createTask(job("c", 0.2, 0.04)),
    asyncio.createTask(job("d", 0.04, 1)),
    asyncio.createTask(job("e", null, 0.08)),
  ];
  print(yield* asyncio.gather(...tasks));
  print("cancelling counts:", tasks.map((t) => t.cancelling()));
}

asyncio.runSync(main());
