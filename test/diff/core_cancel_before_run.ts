import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* body(name: string) {
  print(name, "started");
  yield* asyncio.sleep(0);
  print(name, "finished");
}

function main() {
  const loop = asyncio.newEventLoop();
  const a = loop.createTask(body("a"));
  const b = loop.createTask(body("b"));
  print("cancel b before the loop runs:", b.cancel());
  loop.runUntilCompleteSync(asyncio.wait([a, b]));
  print("a:", a.result(), "b cancelled:", b.cancelled());
  const fut = loop.createFuture();
  fut.setException(new RangeError("future error"));
  try {
    loop.runUntilCompleteSync(fut);
  } catch (e) {
    if (e instanceof RangeError) print("run_until_complete(failed future):", e.message);
  }
  loop.close();
}

main();
