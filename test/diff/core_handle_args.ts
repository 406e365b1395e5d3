import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function main() {
  const loop = asyncio.newEventLoop();
  const show = (...args: unknown[]) => {
    print("args:", args.length === 1 ? `(${repr(args[0])},)` : `(${args.map(repr).join(", ")})`);
  };
  loop.callSoon(show);
  loop.callSoon(show, 1);
  loop.callSoon(show, 1, "two", [3]);
  const h = loop.callLater(0.01, show, "timer", 4);
  print("when > now:", h.when() > loop.time());
  loop.runUntilCompleteSync(asyncio.sleep(0.02));
  print("cancel after run:", h.cancel(), h.cancelled());
  const h2 = loop.callSoon(show, "never");
  h2.cancel();
  h2.cancel();
  print("cancelled twice:", h2.cancelled());
  loop.runUntilCompleteSync(asyncio.sleep(0));
  loop.close();
}

main();
