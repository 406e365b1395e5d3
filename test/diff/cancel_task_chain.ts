import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* leaf(): asyncio.Coroutine<string> {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("  leaf cancelled:", repr(e.message), "cancelling:", asyncio.currentTask()!.cancelling());
    throw e;
  } finally {
    print("  leaf finally");
  }
  return "unreachable";
}

function* link(name: string, target: asyncio.Task<string>, catchIt = false) {
  try {
    return yield* target;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    const me = asyncio.currentTask()!;
    print("  " + name, "cancelled:", repr(e.message), "cancelling:", me.cancelling(), "target cancelled:", target.cancelled());
    if (catchIt) {
      return name + " recovered";
    }
    throw e;
  }
}

function* runCase(label: string, which: string, catchAt?: string) {
  print(label);
  const inner = asyncio.createTask(leaf(), { name: "inner" });
  const middle = asyncio.createTask(link("middle", inner, catchAt === "middle"), { name: "middle" });
  const outer = asyncio.createTask(link("outer", middle, catchAt === "outer"), { name: "outer" });
  yield* asyncio.sleep(0);
  const target = ({ inner, middle, outer } as Record<string, asyncio.Task<string>>)[which]!;
  print("  cancel", which, target.cancel("cancel " + which));
  print("  cancelling:", [inner, middle, outer].map((t) => t.cancelling()));
  const results = yield* asyncio.gather(outer, { returnExceptions: true });
  const r = results[0];
  print("  outer outcome:", typeof r === "string" ? r : (r as Error).name);
  print("  cancelled:", [inner, middle, outer].map((t) => t.cancelled()));
  print("  cancelling:", [inner, middle, outer].map((t) => t.cancelling()));
}

function* main() {
  yield* runCase("cancel outer", "outer");
  yield* runCase("cancel middle", "middle");
  yield* runCase("cancel inner", "inner");
  yield* runCase("cancel outer, middle catches", "outer", "middle");
  yield* runCase("cancel inner, outer catches", "inner", "outer");
}

asyncio.runSync(main());
