// A TaskGroup whose child fails: the group cancels its other children, waits for them,
// and raises an ExceptionGroup of the failures. split() is Python's except*.
import * as asyncio from "asyncio-ts";

function* worker(name: string, delay: number, fail = false) {
  try {
    yield* asyncio.sleep(delay);
    if (fail) throw new RangeError(`${name} failed`);
    console.log(`${name} finished`);
  } catch (error) {
    if (error instanceof asyncio.CancelledError) console.log(`${name} cancelled`);
    throw error;
  }
}

function* main() {
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(worker("quick", 1), { name: "quick" });
      tg.createTask(worker("faulty", 2, true), { name: "faulty" });
      tg.createTask(worker("slow", 3), { name: "slow" });
    });
  } catch (error) {
    if (!(error instanceof asyncio.ExceptionGroup)) throw error;
    const [ranges] = error.split(RangeError);
    console.log(`caught ${error.name}: ${ranges!.exceptions.map((e) => String(e)).join(", ")}`);
  }
}

await asyncio.run(main());
