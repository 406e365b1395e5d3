import * as asyncio from "asyncio-ts";
import { print } from "./_py";

// Python's `except Exception` skips CancelledError (a BaseException); in TypeScript a
// catch that handles errors but must let cancellation through rethrows it first.
function* guarded() {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) {
      print("except Exception caught", (e as Error).name);
    } else {
      print("only BaseException catches", e.name);
      throw e;
    }
  }
}

function* main() {
  const t = asyncio.createTask(guarded());
  yield* asyncio.sleep(0);
  t.cancel();
  const results = yield* asyncio.gather(t, { returnExceptions: true });
  const r = results[0] as Error;
  // CancelledError extends Error directly, never RangeError/TypeError/RuntimeError.
  print(r.name, !(r instanceof asyncio.CancelledError), r instanceof Error);
}

asyncio.runSync(main());
