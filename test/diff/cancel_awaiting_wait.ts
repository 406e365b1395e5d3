import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* child(name: string, d: number) {
  try {
    yield* asyncio.sleep(d);
    print("  child", name, "completed");
    return name;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("  child", name, "cancelled");
    throw e;
  }
}

function* parent(kids: asyncio.Task<string>[]): asyncio.Coroutine<void> {
  try {
    const [done, pending] = yield* asyncio.wait(kids);
    void done;
    void pending;
    print("  parent: wait returned");
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("  parent cancelled while in wait:", repr(e.message));
    print("  kids still pending:", kids.map((k) => !k.done()));
    throw e;
  }
}

function* main() {
  let kids = ([["x", 0.01], ["y", 0.03]] as const).map(([n, d]) => asyncio.createTask(child(n, d)));
  let p = asyncio.createTask(parent(kids));
  yield* asyncio.sleep(0);
  print("cancel parent:", p.cancel("enough"));
  try {
    yield* p;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("parent cancelled:", p.cancelled(), repr(e.message));
  }
  print("kids cancelled:", kids.map((k) => k.cancelled()), "cancelling:", kids.map((k) => k.cancelling()));
  print("kids results:", yield* asyncio.gather(...kids));
  // Cancelling a child does not cancel the task waiting for it in wait().
  kids = ([["p", 0.01], ["q", 0.5]] as const).map(([n, d]) => asyncio.createTask(child(n, d)));
  p = asyncio.createTask(parent(kids));
  yield* asyncio.sleep(0);
  kids[1]!.cancel();
  yield* p;
  print("parent finished normally:", p.done(), !p.cancelled(), kids.map((k) => k.cancelled()));
}

asyncio.runSync(main());
