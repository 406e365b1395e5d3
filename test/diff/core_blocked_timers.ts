import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function timeSleep(seconds: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

function main() {
  const loop = asyncio.newEventLoop();
  const log: string[] = [];
  const append = (s: string) => {
    log.push(s);
  };
  let h2: asyncio.TimerHandle | null = null;
  const first = () => {
    log.push("first");
    h2!.cancel();
    log.push("cancelled second");
  };
  const block = () => {
    log.push("block");
    timeSleep(0.05);
  };
  loop.callSoon(block);
  loop.callLater(0.01, first);
  h2 = loop.callLater(0.02, append, "second");
  loop.callLater(0.03, append, "third");
  loop.callSoon(append, "soon after block");
  loop.runUntilCompleteSync(asyncio.sleep(0.06));
  print(log);
  loop.close();
}

main();
