import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const ev = new asyncio.Event();
  const states = [ev.isSet()];
  ev.set();
  states.push(ev.isSet());
  ev.set();
  states.push(ev.isSet());
  ev.clear();
  states.push(ev.isSet());
  ev.clear();
  states.push(ev.isSet());
  print(states);
  function* setter() {
    yield* asyncio.sleep(0.01);
    ev.set();
  }
  asyncio.createTask(setter());
  print("wait returns", yield* ev.wait(), "after the setter ran");
  const waiters = [0, 1, 2].map(() => asyncio.createTask(ev.wait()));
  yield* asyncio.sleep(0);
  print("set event: waiters finish without suspending:", waiters.map((w) => w.done()));
}

asyncio.runSync(main());
