// failfirst: the round trip of the first failing task in a process, under source maps:
// a task raises, the task awaiting it catches the error. Formatting a stack (what a
// library does when it reads `error.stack`) loads the source map on first use.
// node-flags: --enable-source-maps
import * as asyncio from "asyncio-ts";
import { report } from "../../harness";

function* failing() {
  throw new RangeError("failed");
}

function* main() {
  const start = performance.now();
  let caught = 0;
  try {
    yield* asyncio.createTask(failing());
  } catch {
    caught++;
  }
  return [performance.now() - start, caught] as const;
}

const [ms, caught] = await asyncio.run(main());
report(ms, caught, 1);
