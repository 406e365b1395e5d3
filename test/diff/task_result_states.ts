import * as asyncio from "asyncio-ts";
import { excName, print, repr } from "./_py";

function* ok() {
  yield* asyncio.sleep(0);
  return 5;
}

function* fail(): asyncio.Coroutine<void> {
  yield* asyncio.sleep(0);
  throw new RangeError("nope");
}

function* slow(): asyncio.Coroutine<void> {
  yield* asyncio.sleep(10);
}

function show(label: string, t: asyncio.Task<unknown>) {
  print(label, "done:", t.done(), "cancelled:", t.cancelled());
  try {
    print("  result():", t.result());
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      print("  result() raised CancelledError", repr(e.message));
    } else {
      print("  result() raised", excName(e), repr((e as Error).message));
    }
  }
  try {
    print("  exception():", repr(t.exception()));
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      print("  exception() raised CancelledError", repr(e.message));
    } else {
      print("  exception() raised", excName(e), repr((e as Error).message));
    }
  }
}

function* main() {
  const tOk = asyncio.createTask(ok());
  const tFail = asyncio.createTask(fail());
  const tSlow = asyncio.createTask(slow());
  const tNever = asyncio.createTask(ok());
  show("ok pending", tOk);
  tNever.cancel("before start");
  yield* asyncio.sleep(0);
  tSlow.cancel("while sleeping");
  show("slow cancel requested", tSlow);
  let turns = 0;
  while (![tOk, tFail, tSlow, tNever].every((t) => t.done())) {
    yield* asyncio.sleep(0);
    turns += 1;
  }
  print("all done after", turns, "turns");
  show("ok", tOk);
  show("fail", tFail);
  show("never", tNever);
  show("never again", tNever);
  show("slow", tSlow);
  show("slow again", tSlow);
}

asyncio.runSync(main());
