// timeout and waitFor: a deadline is a timer on the heap; when it fires, the task is
// cancelled at its yield*, and the CancelledError becomes a TimeoutError.
import * as asyncio from "asyncio-ts";

function* query(name: string, seconds: number) {
  yield* asyncio.sleep(seconds);
  return `${name}: rows`;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  // async with asyncio.timeout(1.5):
  try {
    yield* asyncio.asyncWith(asyncio.timeout(1.5), function* () {
      console.log(yield* query("fast", 1));
      console.log(yield* query("slow", 1)); // the deadline passes during this one
    });
  } catch (error) {
    if (!(error instanceof asyncio.TimeoutError)) throw error;
    console.log(`timeout: gave up at t=${loop.time().toFixed(1)}`);
  }
  // await asyncio.wait_for(aw, 2)
  const task = asyncio.createTask(query("report", 5), { name: "report" });
  try {
    yield* asyncio.waitFor(task, 2);
  } catch (error) {
    if (!(error instanceof asyncio.TimeoutError)) throw error;
    console.log(`waitFor: gave up at t=${loop.time().toFixed(1)}; the task was cancelled: ${task.cancelled()}`);
  }
}

await asyncio.run(main());
