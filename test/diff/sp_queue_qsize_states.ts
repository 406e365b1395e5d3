import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  for (const maxsize of [0, 1, 3]) {
    const q = new asyncio.Queue<number>(maxsize);
    const state = () => `(${q.qsize()}, ${q.empty() ? "True" : "False"}, ${q.full() ? "True" : "False"})`;
    const states = [state()];
    for (let i = 0; i < 3; i++) {
      try {
        q.putNowait(i);
      } catch (e) {
        if (!(e instanceof asyncio.QueueFull)) throw e;
        states.push("'full'");
        break;
      }
      states.push(state());
    }
    print(maxsize, q.maxsize, `[${states.join(", ")}]`);
  }
  const lq = new asyncio.LifoQueue<string>(1);
  lq.putNowait("x");
  print("lifo full:", lq.full());
  try {
    lq.putNowait("y");
  } catch (e) {
    if (e instanceof asyncio.QueueFull) print("QueueFull on LifoQueue");
  }
  const pq = new asyncio.PriorityQueue<number>();
  try {
    pq.getNowait();
  } catch (e) {
    if (e instanceof asyncio.QueueEmpty) print("QueueEmpty on PriorityQueue");
  }
  yield;
}

asyncio.runSync(main());
