import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  const log: string[] = [];
  const append = (s: string) => {
    log.push(s);
  };
  loop.callLater(0.06, append, "later 0.06");
  loop.callLater(0.02, append, "later 0.02");
  const h = loop.callLater(0.03, append, "cancelled 0.03");
  loop.callAt(t0 + 0.04, append, "at 0.04");
  loop.callSoon(append, "soon");
  h.cancel();
  print("cancelled?", h.cancelled());
  yield* asyncio.sleep(0.08);
  print(log);
  const chain = (n: number): void => {
    log.push(`chain ${n}`);
    if (n < 3) {
      loop.callLater(0, chain, n + 1);
    }
  };
  log.length = 0;
  loop.callSoon(chain, 0);
  loop.callSoon(append, "after chain start");
  yield* asyncio.sleep(0.02);
  print(log);
}

await asyncio.run(main());
