import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* child() {
  yield* asyncio.sleep(0);
  return asyncio.currentTask()!.getName();
}

function* main(label: string) {
  const me = asyncio.currentTask()!.getName();
  const t = asyncio.createTask(child());
  print(label, "main:", me, "child:", t.getName(), "child sees:", yield* t);
  return me;
}

const first = asyncio.runSync(main("run 1"));
const second = asyncio.runSync(main("run 2"));
const third = asyncio.runSync(main("run 3"));
print("main names:", first, second, third);
