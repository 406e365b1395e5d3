import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* inner() {
  return "inner";
}

function* main() {
  try {
    void asyncio.run(inner());
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
    else throw e;
  } finally {
    print("finally runs");
  }
  const loop = asyncio.getRunningLoop();
  try {
    void loop.runUntilComplete(inner());
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
    else throw e;
  }
  yield* asyncio.sleep(0);
  return "main goes on";
}

print(await asyncio.run(main()));
