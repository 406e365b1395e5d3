import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const tasks = [0.02, 0.01].map((d) => asyncio.createTask(asyncio.sleep(d, d)));
  const it = asyncio.asCompleted(tasks);
  const first = it.next().value!;
  const second = it.next().value!;
  if (it.next().done) print("exactly as many items as awaitables");
  print("awaiting in any order still gives completion order:", yield* second, yield* first);
}

asyncio.runSync(main());
