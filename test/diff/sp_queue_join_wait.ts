import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const q = new asyncio.Queue<number | string>();
  for (let i = 0; i < 3; i++) q.putNowait(i);
  const joined = asyncio.createTask(q.join());
  yield* asyncio.sleep(0);
  print("join waits while tasks are unfinished:", !joined.done());
  for (let i = 0; i < 3; i++) {
    q.getNowait();
    q.taskDone();
    yield* asyncio.sleep(0);
    print("after task_done", i, "joined:", joined.done());
  }
  q.putNowait("again");
  const j2 = asyncio.createTask(q.join());
  yield* asyncio.sleep(0);
  print("a new put re-arms join:", !j2.done());
  q.getNowait();
  q.taskDone();
  yield* j2;
  print("done; empty:", q.empty());
}

asyncio.runSync(main());
