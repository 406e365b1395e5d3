import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* background(name: string) {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      print(name, "cancelled at shutdown");
      yield* asyncio.sleep(0);
      print(name, "cleanup finished");
    }
    throw e;
  } finally {
    print(name, "finally");
  }
}

function* main() {
  asyncio.createTask(background("bg1"));
  asyncio.createTask(background("bg2"));
  yield* asyncio.sleep(0);
  print("main returns");
  return 42;
}

print("result:", await asyncio.run(main()));

function* failing() {
  yield* asyncio.sleep(0);
  throw new RangeError("main failed");
}
try {
  await asyncio.run(failing());
} catch (e) {
  if (e instanceof RangeError) print("run raised:", e.message);
}

function* nested() {
  const coro = asyncio.sleep(0);
  try {
    asyncio.runSync(coro);
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("nested:", e.message.replace("asyncio.runSync()", "asyncio.run()"));
  }
}
await asyncio.run(nested());
try {
  asyncio.runSync(42 as never);
} catch (e) {
  if (e instanceof RangeError) print("ValueError:", e.message);
}
try {
  asyncio.getRunningLoop();
} catch (e) {
  if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
}
