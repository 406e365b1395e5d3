import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function main() {
  const loop = asyncio.newEventLoop();
  function* stopper() {
    print("stopper runs");
    yield* asyncio.sleep(0.01);
    print("stopping the loop");
    loop.stop();
    print("still in the task after stop()");
    yield* asyncio.sleep(0);
    print("resumed in the next run");
  }
  const t = loop.createTask(stopper());
  loop.callLater(0.005, print, "timer fired");
  loop.runForeverSync();
  print("run_forever returned; task done:", t.done());
  loop.stop();
  loop.runForeverSync();
  print("a stop() before run_forever runs one iteration; task done:", t.done());
  loop.close();
}

main();
