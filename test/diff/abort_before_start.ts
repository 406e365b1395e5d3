// createTask(coro, { signal }) with a signal already aborted: in Python, a task
// cancelled before it starts. Its body never runs; the cancel message is the reason.
import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

const ran: string[] = [];

function* body(name: string) {
  ran.push(name);
  print("body of", name, "runs");
  yield* asyncio.sleep(0);
  return name;
}

function* main() {
  const a = asyncio.createTask(body("a"), { signal: AbortSignal.abort("stop before start") });
  const b = asyncio.createTask(body("b"));
  print("a cancelling:", a.cancelling(), "done:", a.done());
  try {
    yield* a;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("awaiting a:", repr(e.message));
  }
  print("a cancelled:", a.cancelled());
  print("b:", yield* b);
  print("ran:", ran);
}

asyncio.runSync(main());
