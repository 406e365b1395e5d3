import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* job(name: string, d: number, fail = false) {
  yield* asyncio.sleep(d);
  if (fail) throw new RangeError(name);
  return name;
}

function* main() {
  let tasks = ([["c", 0.03], ["a", 0.01], ["b", 0.02]] as const).map(([n, d]) => asyncio.createTask(job(n, d)));
  for (const nxt of asyncio.asCompleted(tasks)) {
    print("next:", yield* nxt);
  }
  tasks = [asyncio.createTask(job("ok", 0.01)), asyncio.createTask(job("bad", 0.02, true))];
  for (const nxt of asyncio.asCompleted(tasks)) {
    try {
      print("got", yield* nxt);
    } catch (e) {
      if (e instanceof RangeError) print("raised", e.message);
    }
  }
  const slow = [asyncio.createTask(job("quick", 0.01)), asyncio.createTask(job("slow", 1))];
  const got: string[] = [];
  try {
    for (const nxt of asyncio.asCompleted(slow, { timeout: 0.05 })) {
      got.push(yield* nxt);
    }
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("timeout after", got, "; slow still running:", !slow[1]!.done());
  }
  slow[1]!.cancel();
}

asyncio.runSync(main());
