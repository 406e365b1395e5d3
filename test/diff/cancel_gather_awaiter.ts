import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* child(name: string, delay: number) {
  try {
    yield* asyncio.sleep(delay);
    print("  child", name, "finished");
    return name;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("  child", name, "cancelled:", repr(e.message));
    throw e;
  } finally {
    print("  child", name, "finally");
  }
}

function* parent(returnExceptions: boolean) {
  const kids = ([["a", 0], ["b", 5], ["c", 5]] as const).map(([n, d]) => asyncio.createTask(child(n, d)));
  try {
    return yield* asyncio.gather(...kids, { returnExceptions: returnExceptions });
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("  parent got CancelledError:", repr(e.message));
    print("  kids done:", kids.map((k) => k.done()), "cancelled:", kids.map((k) => k.cancelled()));
    print("  kids cancelling:", kids.map((k) => k.cancelling()));
    throw e;
  }
}

function* main() {
  for (const returnExceptions of [false, true]) {
    print("return_exceptions =", returnExceptions);
    const p = asyncio.createTask(parent(returnExceptions));
    yield* asyncio.sleep(0);
    yield* asyncio.sleep(0);
    print("  cancel parent:", p.cancel("stop all"));
    try {
      yield* p;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("  main: parent cancelled", p.cancelled(), repr(e.message));
    }
  }
}

asyncio.runSync(main());
