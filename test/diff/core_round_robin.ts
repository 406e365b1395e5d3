import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* rr(name: string, n: number, out: string[]) {
  for (let i = 0; i < n; i++) {
    out.push(name);
    yield* asyncio.sleep(0);
  }
}

function* main() {
  const out: string[] = [];
  yield* asyncio.gather(...[..."abcd"].map((c, i) => rr(c, 3 + i, out)));
  print(out.join(""));
  out.length = 0;
  const t = [..."xyz"].map((c) => asyncio.createTask(rr(c, 2, out)));
  out.push("M");
  yield* asyncio.sleep(0);
  out.push("M");
  yield* asyncio.gather(...t);
  print(out.join(""));
}

asyncio.runSync(main());
