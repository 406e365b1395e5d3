import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const tasks = [0.01, 1].map((d) => asyncio.createTask(asyncio.sleep(d, d)));
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.03), function* () {
      yield* asyncio.wait(tasks);
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError)
      print("timeout around wait(); done:", tasks.map((t) => t.done()), "the slow task is not cancelled:", !tasks[1]!.cancelled());
  }
  tasks[1]!.cancel();
  yield* asyncio.gather(...tasks, { returnExceptions: true });
  const ev = new asyncio.Event();
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
      yield* ev.wait();
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("timeout around event.wait()");
  }
  const q = new asyncio.Queue<number>();
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.01), function* () {
      yield* q.get();
    });
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("timeout around queue.get(); getters:", q._getters.size);
  }
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
