import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const v = new asyncio.ContextVar<string>("var", { default: "initial" });

function* reader(label: string, gate: asyncio.Event) {
  print(label, "at start sees", v.get());
  yield* gate.wait();
  print(label, "after the parent changed it sees", v.get());
}

function* main() {
  const gate = new asyncio.Event();
  const t1 = asyncio.createTask(reader("t1", gate));
  v.set("second");
  const t2 = asyncio.createTask(reader("t2", gate));
  v.set("third");
  yield* asyncio.sleep(0);
  v.set("fourth");
  gate.set();
  yield* asyncio.gather(t1, t2);
  print("parent sees", v.get());
  // gather wraps coroutines in tasks: each gets a copy at gather() time
  v.set("for gather");
  print(yield* asyncio.gather(readLater(), readLater()));
}

function* readLater() {
  yield* asyncio.sleep(0);
  return v.get();
}

asyncio.runSync(main());
