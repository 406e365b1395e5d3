import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

class KeyError extends Error {
  override name = "KeyError";
}

class Recorder implements asyncio.AsyncContextManager<Recorder> {
  seen: (string | null)[] = [];
  *aenter() {
    return this;
  }
  *aexit(...args: unknown[]) {
    const e = args[0];
    this.seen.push(args.length === 0 ? null : excName(e));
    return e instanceof KeyError;
  }
}

function* main() {
  const r = new Recorder();
  for (const exc of [null, new KeyError("k"), new RangeError("v"), new asyncio.CancelledError()]) {
    try {
      yield* asyncio.asyncWith(r, function* () {
        if (exc !== null) throw exc;
      });
      print(exc === null ? "clean exit" : `${excName(exc)} swallowed`);
    } catch (e) {
      print(excName(e), "propagated");
    }
  }
  print(r.seen);
}

asyncio.runSync(main());
