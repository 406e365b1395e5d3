import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function installed(sig: NodeJS.Signals) {
  return process.listenerCount(sig) > 0;
}

function onHup() {
  print("SIGHUP handled");
}

const loop = asyncio.newEventLoop();
print("before:", installed("SIGHUP"));
loop.addSignalHandler("SIGHUP", onHup);
print("added:", installed("SIGHUP"));
await loop.runUntilComplete(asyncio.sleep(0.01));
print("after a run:", installed("SIGHUP"));
loop.close();
print("after close:", installed("SIGHUP"));

function* main() {
  asyncio.getRunningLoop().addSignalHandler("SIGHUP", onHup);
  print("inside run:", installed("SIGHUP"));
}

await asyncio.run(main());
print("after run:", installed("SIGHUP"));
