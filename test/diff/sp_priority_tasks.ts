import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const pq = new asyncio.PriorityQueue<[number, string | null]>();
  const done: [string, number, string][] = [];
  function* worker(name: string) {
    for (;;) {
      const [prio, job] = yield* pq.get();
      if (job === null) {
        pq.taskDone();
        return;
      }
      done.push([name, prio, job]);
      yield* asyncio.sleep(0);
      pq.taskDone();
    }
  }
  for (const item of [[3, "low"], [1, "urgent"], [2, "normal"], [1, "urgent2"], [5, "lowest"]] as [number, string][]) {
    pq.putNowait(item);
  }
  const workers = [0, 1].map((i) => asyncio.createTask(worker(`w${i}`)));
  yield* pq.join();
  for (const _ of workers) pq.putNowait([99, null]);
  yield* asyncio.gather(...workers);
  print(`[${done.map(([w, p, j]) => `('${w}', ${p}, '${j}')`).join(", ")}]`);
}

asyncio.runSync(main());
