// wrapPromise((signal) => a promise that never settles) under waitFor: in Python, a
// future that never completes under wait_for. The timeout cancels it (the TypeScript
// signal aborts where Python's done callback sees it cancelled), then TimeoutError.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const fut = asyncio.wrapPromise((signal) => {
    signal.addEventListener("abort", () => print("aborted:", signal.aborted));
    return new Promise<never>(() => {});
  });
  const t0 = loop.time();
  try {
    yield* asyncio.waitFor(fut, 0.1);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("TimeoutError after", Math.round((loop.time() - t0) * 10) / 10);
  }
  print("future cancelled:", fut.cancelled());
}

await asyncio.run(main());
