// A task that never yields: its step never ends, so the loop never gets control back.
// The playground's watchdog stops the worker and names the task. (In Python, debug mode
// would report "Executing <Task ...> took N seconds".)
import * as asyncio from "asyncio-ts";

function* spinner() {
  yield* asyncio.sleep(0.5);
  console.log("spinning forever, without a yield*");
  for (;;) {
    // busy: no yield, no await
  }
}

function* main() {
  yield* asyncio.createTask(spinner(), { name: "spinner" });
}

await asyncio.run(main());
