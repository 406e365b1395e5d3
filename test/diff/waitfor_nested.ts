import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* work(delay: number) {
  try {
    yield* asyncio.sleep(delay);
    return "work done";
  } finally {
    print("work finally");
  }
}

function* main() {
  try {
    yield* asyncio.waitFor(asyncio.waitFor(work(1), 0.02), 1);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("inner limit hit -> TimeoutError");
  }
  try {
    yield* asyncio.waitFor(asyncio.waitFor(work(1), 1), 0.02);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("outer limit hit -> TimeoutError");
  }
  print(yield* asyncio.waitFor(asyncio.waitFor(work(0.01), 0.5), 0.5));
  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.02), function* () {
      yield* asyncio.waitFor(work(1), 1);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("timeout() around wait_for -> TimeoutError");
  }
  try {
    yield* asyncio.asyncWith(asyncio.timeout(1), function* () {
      yield* asyncio.waitFor(work(1), 0.02);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("wait_for inside timeout() -> TimeoutError");
  }
  print("cancelling:", asyncio.currentTask()!.cancelling());
}

asyncio.runSync(main());
