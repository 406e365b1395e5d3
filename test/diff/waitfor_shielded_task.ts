import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* important() {
  try {
    yield* asyncio.sleep(0.05);
    print("important work finished");
    return "saved";
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("wrong: important work cancelled");
    throw e;
  }
}

function* main() {
  let t = asyncio.createTask(important());
  try {
    yield* asyncio.waitFor(asyncio.shield(t), 0.01);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("wait_for timed out; task still running:", !t.done());
  }
  print("awaiting the task itself:", yield* t);
  t = asyncio.createTask(important());
  try {
    yield* asyncio.waitFor(asyncio.shield(t), 0.2);
    print("finished within the limit:", t.result());
  } catch (e) {
    if (e instanceof asyncio.TimeoutError) print("wrong: TimeoutError");
    else throw e;
  }
}

asyncio.runSync(main());
