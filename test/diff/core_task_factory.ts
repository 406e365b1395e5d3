import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function main() {
  const loop = asyncio.newEventLoop();
  const created: asyncio.Task<unknown>[] = [];
  const factory: asyncio.TaskFactory = (lp, coro, options) => {
    const t = new asyncio.Task(coro, { ...options, loop: lp });
    created.push(t);
    print("factory made a task");
    return t;
  };
  print("no factory:", loop.getTaskFactory() === null);
  loop.setTaskFactory(factory);
  print("factory set:", loop.getTaskFactory() === factory);
  function* child() {
    return 1;
  }
  function* mainCoro() {
    const a = asyncio.createTask(child());
    const b = loop.createTask(child(), { name: "b" });
    return (yield* a) + (yield* b);
  }
  print(loop.runUntilCompleteSync(mainCoro()), created.length);
  loop.setTaskFactory(null);
  loop.runUntilCompleteSync(child());
  print("after reset:", created.length);
  try {
    loop.setTaskFactory(42 as never);
  } catch (e) {
    if (e instanceof TypeError) print("TypeError for a non-callable factory");
  }
  loop.close();
}

main();
