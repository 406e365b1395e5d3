import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  try {
    loop.runUntilCompleteSync(asyncio.sleep(0));
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
  }
  const other = asyncio.newEventLoop();
  try {
    other.runUntilCompleteSync(asyncio.sleep(0));
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
  }
  try {
    other.runForeverSync();
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
  }
  other.close();
  try {
    loop.close();
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
  }
  try {
    loop.runForeverSync();
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError:", e.message);
  }
  yield;
}

asyncio.runSync(main());
