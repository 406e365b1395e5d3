import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const v = new asyncio.ContextVar<string>("v", { default: "-" });

function* main() {
  const loop = asyncio.getRunningLoop();
  const log: [number | string, string][] = [];
  const futs = [0, 1, 2].map(() => loop.createFuture());
  futs.forEach((f, i) => {
    v.set(`registered ${i}`);
    f.addDoneCallback(() => log.push([i, v.get()]));
  });
  v.set("at completion");
  for (const f of futs) f.setResult(undefined);
  yield* asyncio.sleep(0);
  const show = ([a, b]: [number | string, string]) => `(${typeof a === "number" ? a : `'${a}'`}, '${b}')`;
  print(`[${log.map(show).join(", ")}]`);
  const ctx = asyncio.copyContext();
  ctx.run((x: string) => v.set(x), "explicit");
  const g = loop.createFuture();
  g.addDoneCallback(() => log.push(["explicit", v.get()]), { context: ctx });
  g.setResult(undefined);
  yield* asyncio.sleep(0);
  print(show(log.at(-1)!));
}

asyncio.runSync(main());
