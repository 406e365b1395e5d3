import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

function* job(name: string, delay: number, fail = false) {
  yield* asyncio.sleep(delay);
  if (fail) throw new RangeError(name);
  return name;
}

function names(tasks: Iterable<asyncio.Task<unknown>>) {
  return [...tasks].map((t) => t.getName()).sort();
}

function* main() {
  const make = () => [
    asyncio.createTask(job("fast", 0.02), { name: "fast" }),
    asyncio.createTask(job("bad", 0.06, true), { name: "bad" }),
    asyncio.createTask(job("slow", 0.15), { name: "slow" }),
  ];
  for (const mode of [asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED] as const) {
    const tasks = make();
    const [done, pending] = yield* asyncio.wait(tasks, { returnWhen: mode });
    print(mode, names(done), names(pending));
    yield* asyncio.wait(tasks);
  }
  let tasks = make();
  let [done, pending] = yield* asyncio.wait(tasks, { timeout: 0.1 });
  print("timeout", names(done), names(pending), "pending cancelled:", [...pending].map((t) => t.cancelled()));
  [done, pending] = yield* asyncio.wait(pending);
  print("rest", names(done), names(pending));
  const ok = [asyncio.createTask(job("a", 0.02)), asyncio.createTask(job("b", 0.06))];
  const [done2, pending2] = yield* asyncio.wait(ok, { returnWhen: asyncio.FIRST_EXCEPTION });
  print("no exception", done2.size, pending2.size);
  for (const bad of [[]]) {
    try {
      yield* asyncio.wait(bad);
    } catch (e) {
      print(excName(e), (e as Error).message);
    }
  }
  try {
    yield* asyncio.wait(ok, { returnWhen: "bogus" as never });
  } catch (e) {
    print(excName(e), (e as Error).message);
  }
  const coro = job("c", 0);
  try {
    yield* asyncio.wait([coro as never]);
  } catch (e) {
    print(excName(e), (e as Error).message);
  }
  coro.return("");
}

asyncio.runSync(main());
