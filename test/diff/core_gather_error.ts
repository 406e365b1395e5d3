import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* work(name: string, delay: number, fail = false) {
  try {
    yield* asyncio.sleep(delay);
    if (fail) throw new RangeError(`${name} failed`);
    print(name, "done");
    return name;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(name, "cancelled");
    throw e;
  }
}

function* main() {
  const a = asyncio.createTask(work("a", 0.02));
  const b = asyncio.createTask(work("b", 0.06, true));
  const c = asyncio.createTask(work("c", 0.12));
  try {
    yield* asyncio.gather(a, b, c);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("gather raised:", e.message);
  }
  print("c still running:", !c.done());
  yield* c;
  print(yield* asyncio.gather(work("x", 0.06), work("y", 0.02), asyncio.sleep(0, "z")));
  print(yield* asyncio.gather());
  const res = yield* asyncio.gather(work("p", 0.02, true), work("q", 0.06), { returnExceptions: true });
  print(res.map((r) => (r instanceof Error ? (r instanceof RangeError ? "ValueError" : r.name) : r)));
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
