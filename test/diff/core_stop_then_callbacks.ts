import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function main() {
  const loop = asyncio.newEventLoop();
  const log: string[] = [];
  const first = () => {
    log.push("first");
    loop.stop();
    loop.callSoon((s: string) => log.push(s), "scheduled after stop");
  };
  loop.callSoon(first);
  loop.callSoon((s: string) => log.push(s), "same iteration as stop");
  loop.runForeverSync();
  print("after first run:", log);
  loop.runUntilCompleteSync(asyncio.sleep(0));
  print("after second run:", log);
  loop.close();
}

main();
