import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const log: string[] = [];

function* worker(name: string, pattern: (number | null)[]) {
  for (const [step, d] of pattern.entries()) {
    log.push(`${name}${step}`);
    if (d === null) {
      yield* asyncio.sleep(0);
    } else {
      yield* asyncio.sleep(d);
    }
  }
  log.push(`${name}!`);
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const tasks = [
    asyncio.createTask(worker("A", [null, 0.1, null, null])),
    asyncio.createTask(worker("B", [0.02, null, 0.04])),
    asyncio.createTask(worker("C", [null, null, null, null, null])),
  ];
  loop.callSoon((s: string) => log.push(s), "cb1");
  loop.callLater(0.03, (s: string) => log.push(s), "t30");
  yield* asyncio.gather(...tasks);
  print(log.join(" "));
}

await asyncio.run(main());
