import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* work(tag: string) {
  yield* asyncio.sleep(0.01);
  return tag;
}

function main() {
  const l1 = asyncio.newEventLoop();
  const l2 = asyncio.newEventLoop();
  const t1 = l1.createTask(work("one"));
  const t2 = l2.createTask(work("two"));
  print("tasks per loop:", asyncio.allTasks(l1).size, asyncio.allTasks(l2).size);
  print(l1.runUntilCompleteSync(t1));
  print("t2 untouched while l1 ran:", t2.done());
  print(l2.runUntilCompleteSync(t2));
  const f = l1.createFuture();
  function* awaitForeign() {
    yield* f;
  }
  try {
    l2.runUntilCompleteSync(awaitForeign());
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError mentions a different loop:", e.message.includes("attached to a different loop"));
  }
  l1.close();
  l2.close();
}

main();
