import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const worker = asyncio.asyncGenerator(function* (name: string, fail: boolean) {
  try {
    yield name;
    yield `${name} again`;
  } finally {
    print(name, "finalizing");
    yield* asyncio.sleep(0.01);
    if (fail) throw new RangeError(`${name} cleanup failed`);
    print(name, "finalized");
  }
});

function handler(_loop: asyncio.EventLoop, context: asyncio.ExceptionContext) {
  const error = context.exception as Error;
  print("handler:", context.message.split(" <")[0], "|", error.name === "RangeError" ? "ValueError" : error.name, error.message);
}

const keep: unknown[] = [];

// Python closes the generators left at the end of a run in no set order: one per run.
function* main(name: string, fail: boolean) {
  asyncio.getRunningLoop().setExceptionHandler(handler);
  const g = worker(name, fail);
  keep.push(g);
  print(yield* asyncio.anext(g));
  const neverStarted = worker("never", false);
  keep.push(neverStarted);
  print("main returns");
}

await asyncio.run(main("ok", false));
print("run returned");
await asyncio.run(main("bad", true));
print("run returned");
