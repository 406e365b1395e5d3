import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* child(name: string, delay: number) {
  try {
    yield* asyncio.sleep(delay);
    print(name, "done");
    return name;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(name, "cancelled");
    throw e;
  } finally {
    print(name, "finally");
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  let tasks: asyncio.Task<string>[] = [];
  const states = () => tasks.map((t) => (t.done() ? (t.cancelled() ? "cancelled" : t.result()) : "pending"));
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.07), function* () {
      tasks = (
        [
          ["fast", 0.01],
          ["slow", 1],
          ["slower", 2],
        ] as const
      ).map(([n, d]) => asyncio.createTask(child(n, d)));
      yield* asyncio.gather(...tasks);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("TimeoutError at", (loop.time() - t0).toFixed(1));
  }
  print("states:", states());
  yield* asyncio.sleep(0);
  print("states after one more iteration:", states());
}

asyncio.runSync(main());
