import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const q = new asyncio.Queue<unknown>();
  const items: unknown[] = [null, 0, "", [1, 2], [3, 4], { k: "v" }, 1.5, true];
  for (const x of items) q.putNowait(x);
  const out = Array.from({ length: q.qsize() }, () => q.getNowait());
  print(out.length, out[0] === null, JSON.stringify(out[3]) === "[1,2]", (out[5] as { k: string }).k, out.at(-1));
  const same = {};
  q.putNowait(same);
  print("identity kept:", q.getNowait() === same);
  q.putNowait(null);
  print("None is an item, not a sentinel:", q.qsize(), q.getNowait(), q.empty());
  yield;
}

asyncio.runSync(main());
