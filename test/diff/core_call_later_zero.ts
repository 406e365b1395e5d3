import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function main() {
  const loop = asyncio.newEventLoop();
  const log: string[] = [];
  const append = (s: string) => {
    log.push(s);
  };
  loop.callSoon(append, "soon A");
  loop.callLater(0, append, "later 0");
  loop.callLater(-1, append, "later -1");
  loop.callSoon(append, "soon C");
  loop.callAt(loop.time() - 5, append, "at past");
  loop.callSoon(() => loop.stop());
  loop.runForeverSync();
  print(log);
  log.length = 0;
  const fromCallback = () => {
    log.push("cb");
    loop.callLater(0, append, "cb later 0");
    loop.callSoon(append, "cb soon");
  };
  loop.callSoon(fromCallback);
  loop.runUntilCompleteSync(asyncio.sleep(0.01));
  print(log);
  loop.close();
}

main();
