import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const tasks = [0.01, 0.5, 0.02, 0.6].map((d) => asyncio.createTask(asyncio.sleep(d, d)));
  const got: number[] = [];
  let timeouts = 0;
  for (const nxt of asyncio.asCompleted(tasks, { timeout: 0.05 })) {
    try {
      got.push(yield* nxt);
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      timeouts += 1;
    }
  }
  print("got:", got, "timeouts:", timeouts, "slow ones still running:", tasks.filter((t) => !t.done()).length);
  for (const t of tasks) t.cancel();
}

asyncio.runSync(main(), { clock: new asyncio.VirtualClock() });
