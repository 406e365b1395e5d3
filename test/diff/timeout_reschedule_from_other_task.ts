import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* worker(holder: asyncio.Timeout[], ready: asyncio.Event, label: string) {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.05), function* (cm) {
      holder.push(cm);
      ready.set();
      yield* asyncio.sleep(0.12);
      print(label, "finished its work");
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print(label, "timed out at", (loop.time() - t0).toFixed(1));
  }
  return label;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  // a supervisor extends the worker's deadline
  const holder: asyncio.Timeout[] = [];
  const ready = new asyncio.Event();
  const w = asyncio.createTask(worker(holder, ready, "extended"));
  yield* ready.wait();
  holder[0]!.reschedule(loop.time() + 0.2);
  // a supervisor shortens the other worker's deadline
  const holder2: asyncio.Timeout[] = [];
  const ready2 = new asyncio.Event();
  const w2 = asyncio.createTask(worker(holder2, ready2, "shortened"));
  yield* ready2.wait();
  holder2[0]!.reschedule(loop.time() - 1);
  print(yield* asyncio.gather(w, w2));
  print("expired:", holder[0]!.expired(), holder2[0]!.expired());
}

asyncio.runSync(main());
