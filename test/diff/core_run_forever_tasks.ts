import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function main() {
  const loop = asyncio.newEventLoop();
  const results: number[] = [];
  function* producer(n: number) {
    for (let i = 0; i < n; i++) {
      yield* asyncio.sleep(0.005);
      results.push(i);
    }
    if (results.length >= 6) loop.stop();
  }
  loop.createTask(producer(3));
  loop.createTask(producer(3));
  loop.runForeverSync();
  print(results.sort());
  print("pending tasks:", asyncio.allTasks(loop).size);
  loop.callSoonThreadsafe(print, "threadsafe callback");
  loop.callSoonThreadsafe(() => loop.stop());
  loop.runForeverSync();
  loop.close();
}

main();
