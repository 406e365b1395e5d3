import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function main() {
  const loop = asyncio.newEventLoop();
  const handler = (_lp: asyncio.EventLoop, ctx: asyncio.ExceptionContext) => {
    const keys = Object.keys(ctx)
      .filter((k) => ["message", "exception", "handle", "future", "task"].includes(k))
      .sort();
    print("handler keys:", keys, "|", ctx.message.split(" ")[0]);
  };
  loop.setExceptionHandler(handler);
  loop.callSoon(() => {
    throw new RangeError("division by zero");
  });
  loop.callExceptionHandler({ message: "custom report" });
  loop.runUntilCompleteSync(asyncio.sleep(0));
  loop.close();
}

main();
