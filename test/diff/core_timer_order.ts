import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const t0 = loop.time();
  const log: string[] = [];
  const append = (s: string) => {
    log.push(s);
  };
  loop.callLater(0.03, append, "later 0.03");
  loop.callLater(0.01, append, "later 0.01");
  const h = loop.callLater(0.02, append, "cancelled 0.02");
  loop.callAt(t0 + 0.015, append, "at 0.015");
  loop.callSoon(append, "soon");
  h.cancel();
  print("cancelled?", h.cancelled());
  yield* asyncio.sleep(0.05);
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
