import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* noop() {}

function* main() {
  for (const bad of [42, noop, null]) {
    try {
      asyncio.createTask(bad as never);
    } catch (e) {
      if (e instanceof TypeError) print("TypeError:", e.message.split(" got ")[0]);
    }
  }
  const closed = asyncio.newEventLoop();
  closed.close();
  const c = noop();
  try {
    closed.createTask(c);
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
  }
  c.return();
  yield;
}

asyncio.runSync(main());
