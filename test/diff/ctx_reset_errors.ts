import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const v = new asyncio.ContextVar<string>("var", { default: "d" });
const other = new asyncio.ContextVar<string>("other", { default: "o" });

function attempt(label: string, fn: () => void) {
  try {
    fn();
    print(label, "-> ok");
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) {
      print(label, "-> RuntimeError; 'has already been used':", e.message.includes("has already been used"));
    } else if (e instanceof RangeError) {
      print(label, "-> ValueError; 'different':", e.message.includes("different"));
    } else throw e;
  }
}

function* main() {
  let tok = v.set("x");
  const t0 = tok;
  attempt("first reset", () => v.reset(t0));
  attempt("second reset", () => v.reset(t0));
  tok = v.set("y");
  const t1 = tok;
  attempt("reset on another var", () => other.reset(t1));
  print("value unchanged:", v.get(), other.get());
  attempt("then on the right var", () => v.reset(t1));
  tok = v.set("z");
  const t2 = tok;
  const ctx = asyncio.copyContext();
  attempt("reset in another context", () => ctx.run(() => v.reset(t2)));
  print("still:", v.get());
  // a token made in a task, reset in the parent
  function* makeToken() {
    return v.set("in task");
  }
  const taskTok = yield* asyncio.createTask(makeToken());
  attempt("reset a task's token in the parent", () => v.reset(taskTok));
  // a token made in the parent, reset in a task
  const parentTok = v.set("parent");
  function* resetInTask() {
    attempt("reset the parent's token in a task", () => v.reset(parentTok));
  }
  yield* asyncio.createTask(resetInTask());
  attempt("reset it in the parent", () => v.reset(parentTok));
  print("final:", v.get());
}

asyncio.runSync(main());
