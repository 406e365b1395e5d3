import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const order: number[] = [];
  const delays = [7, 3, 9, 1, 5, 8, 2, 6, 4, 10];
  const handles = new Map(delays.map((d) => [d, loop.callLater(d * 0.015, (v: number) => order.push(v), d)]));
  handles.get(5)!.cancel();
  handles.get(9)!.cancel();
  yield* asyncio.sleep(0.2);
  print(order);
}

await asyncio.run(main());
