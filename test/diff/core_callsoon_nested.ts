import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function main() {
  const loop = asyncio.newEventLoop();
  const cb = (name: string, depth: number): void => {
    print("run", name, depth);
    if (depth < 2) {
      loop.callSoon(cb, name + "'", depth + 1);
    }
  };
  loop.callSoon(cb, "a", 0);
  loop.callSoon(cb, "b", 0);
  loop.callSoon(() => loop.stop());
  loop.runForeverSync();
  print("stopped after first iteration, running again");
  loop.callSoon(() => loop.stop());
  loop.runForeverSync();
  print("second stop");
  loop.runUntilCompleteSync(asyncio.sleep(0));
  loop.close();
  print("closed", loop.isClosed());
}

main();
