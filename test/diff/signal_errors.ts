import { constants } from "node:os";
import * as asyncio from "asyncio-ts";
import { excName, fmtExc, print } from "./_py";

const signal = constants.signals;

function* coroHandler() {}

function handler() {}

function* main() {
  const loop = asyncio.getRunningLoop();
  for (const sig of [signal.SIGKILL, signal.SIGSTOP]) {
    try {
      loop.addSignalHandler(sig, handler);
    } catch (e) {
      if (!(e instanceof asyncio.RuntimeError)) throw e;
      print(fmtExc(e));
    }
  }
  for (const sig of [0, 1000]) {
    try {
      loop.addSignalHandler(sig, handler);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      print(fmtExc(e));
    }
  }
  try {
    loop.addSignalHandler(signal.SIGUSR1, coroHandler);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print(excName(e));
  }
  try {
    loop.addSignalHandler(2.5, handler);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print(excName(e));
  }
  print("remove without a handler:", loop.removeSignalHandler(signal.SIGUSR2));
  print("remove an uncatchable one:", loop.removeSignalHandler(signal.SIGKILL));
}

await asyncio.run(main());
const loop = asyncio.newEventLoop();
loop.close();
try {
  loop.addSignalHandler(signal.SIGUSR1, handler);
} catch (e) {
  if (!(e instanceof asyncio.RuntimeError)) throw e;
  print(fmtExc(e));
}
