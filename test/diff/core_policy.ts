import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function main() {
  const loop = asyncio.newEventLoop();
  asyncio.setEventLoop(loop);
  print("get_event_loop returns the set loop:", asyncio.getEventLoop() === loop);
  function* inside() {
    return [asyncio.getEventLoop() === loop, asyncio.getRunningLoop() === loop];
  }
  print("inside:", `(${loop.runUntilCompleteSync(inside()).map((b) => (b ? "True" : "False")).join(", ")})`);
  const other = asyncio.newEventLoop();
  print("new loop is different:", other !== loop);
  function* onOther() {
    return [asyncio.getRunningLoop() === other, asyncio.getEventLoop() === other];
  }
  print("running other:", `(${other.runUntilCompleteSync(onOther()).map((b) => (b ? "True" : "False")).join(", ")})`);
  print("set loop unchanged:", asyncio.getEventLoop() === loop);
  other.close();
  loop.close();
  print("closed loop still current:", asyncio.getEventLoop() === loop, loop.isClosed());
  asyncio.setEventLoop(null);
  try {
    asyncio.getEventLoop();
  } catch (e) {
    if (e instanceof asyncio.RuntimeError) print("RuntimeError after set_event_loop(None)");
  }
}

main();
