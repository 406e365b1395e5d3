import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* helper() {
  try {
    yield* asyncio.sleep(5);
  } finally {
    print("helper: finally (cancelled as a leftover task)");
  }
}

function* main() {
  asyncio.createTask(helper());
  try {
    print("main: sending SIGINT to itself");
    process.kill(process.pid, "SIGINT");
    yield* asyncio.sleep(5);
    print("not reached");
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("main: cancelled, cleaning up");
    throw e;
  } finally {
    print("main: finally");
  }
}

function* swallower() {
  try {
    process.kill(process.pid, "SIGINT");
    yield* asyncio.sleep(5);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("swallower: cancelled, returns anyway");
  }
  return "swallowed";
}

try {
  await asyncio.run(main());
} catch (e) {
  if (!(e instanceof asyncio.KeyboardInterrupt)) throw e;
  print("asyncio.run raised KeyboardInterrupt");
}

// a main task that swallows the cancellation returns its result: no KeyboardInterrupt
print("second run:", await asyncio.run(swallower()));
