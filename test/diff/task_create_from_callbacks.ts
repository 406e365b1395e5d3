import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* job(tag: string) {
  const me = asyncio.currentTask()!;
  print("  job", tag, "runs as", me.getName());
  yield* asyncio.sleep(0);
  print("  job", tag, "finishes");
  return tag;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const made: asyncio.Task<string>[] = [];
  function fromCallSoon() {
    print(" call_soon callback: current task", asyncio.currentTask());
    made.push(asyncio.createTask(job("soon")));
    print(" created", made[made.length - 1]!.getName(), "from a callback");
  }
  function fromTimer() {
    made.push(loop.createTask(job("timer")));
    print(" created", made[made.length - 1]!.getName(), "from a timer");
  }
  function fromDone(f: asyncio.Future<string>) {
    made.push(asyncio.ensureFuture(job("done-cb")) as asyncio.Task<string>);
    print(" created", made[made.length - 1]!.getName(), "from a done callback of", (f as asyncio.Task<string>).getName());
  }
  loop.callSoon(fromCallSoon);
  loop.callLater(0.05, fromTimer);
  const first = asyncio.createTask(job("first"));
  first.addDoneCallback(fromDone);
  print("main waits");
  yield* asyncio.sleep(0.25);
  print("made:", made.map((t) => t.getName()), made.map((t) => t.done()));
  print("results:", made.map((t) => t.result()), first.result());
}

asyncio.runSync(main());
