import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

class CustomError extends Error {
  override name = "CustomError";
}

function* raiser(kind: string) {
  yield* asyncio.sleep(0);
  if (kind === "type") throw new TypeError("bad type");
  if (kind === "runtime") throw new asyncio.RuntimeError("bad runtime");
  if (kind === "custom") throw new CustomError("custom");
  return kind;
}

function* main() {
  const tasks = ["type", "runtime", "custom", "ok"].map((k) => asyncio.createTask(raiser(k)));
  yield* asyncio.wait(tasks);
  for (const t of tasks) {
    const e = t.exception() as Error | undefined;
    print(e ? excName(e) : null, e ? e.message : t.result());
  }
  const pending = asyncio.createTask(asyncio.sleep(1));
  for (const op of [() => pending.result(), () => pending.exception()]) {
    try {
      op();
    } catch (e) {
      if (e instanceof asyncio.InvalidStateError) print("InvalidStateError:", e.message);
    }
  }
  pending.cancel();
  yield* asyncio.sleep(0);
  for (const [name, op] of [["result", () => pending.result()], ["exception", () => pending.exception()]] as const) {
    try {
      op();
    } catch (e) {
      if (e instanceof asyncio.CancelledError) print("CancelledError from", name);
    }
  }
}

asyncio.runSync(main());
