import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const got = new asyncio.Event();

  function onUsr1(tag: string) {
    print("handler", tag, "runs in the loop:", asyncio.getRunningLoop() === loop);
    got.set();
  }

  loop.addSignalHandler("SIGUSR1", onUsr1, "first");
  loop.callSoon(print, "call_soon before the signal");
  print("sending");
  process.kill(process.pid, "SIGUSR1");
  print("sent; the handler has not run");
  yield* got.wait();
  print("woke");
  got.clear();
  loop.addSignalHandler("SIGUSR1", onUsr1, "second");
  process.kill(process.pid, "SIGUSR1");
  yield* got.wait();
  print("removed:", loop.removeSignalHandler("SIGUSR1"));
  print("removed again:", loop.removeSignalHandler("SIGUSR1"));
}

await asyncio.run(main());
print("done");
