import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

function main() {
  const loop = asyncio.newEventLoop();
  const handler = (_lp: asyncio.EventLoop, context: asyncio.ExceptionContext) => {
    const exc = context.exception as Error;
    print("handler:", context.message.split(" ").slice(0, 3), excName(exc), exc.message);
  };
  print("default handler set:", loop.getExceptionHandler() === null);
  loop.setExceptionHandler(handler);
  print("custom handler set:", loop.getExceptionHandler() === handler);
  const boom = (n: number) => {
    throw new RangeError(`boom ${n}`);
  };
  loop.callSoon(boom, 1);
  loop.callSoon(print, "still running");
  loop.callLater(0.01, boom, 2);
  const fut = loop.createFuture();
  const badDone = () => {
    throw new asyncio.LookupError("in done callback");
  };
  fut.addDoneCallback(badDone);
  loop.callSoon(() => fut.setResult(undefined));
  loop.runUntilCompleteSync(asyncio.sleep(0.02));
  const failingHandler = () => {
    throw new asyncio.RuntimeError("handler itself failed");
  };
  loop.setExceptionHandler(failingHandler);
  loop.callSoon(boom, 3);
  const originalError = console.error;
  console.error = () => {}; // the default handler reports the failing handler on stderr
  loop.runUntilCompleteSync(asyncio.sleep(0));
  console.error = originalError;
  print("loop survived a failing handler");
  loop.setExceptionHandler(null);
  print("reset:", loop.getExceptionHandler() === null);
  loop.close();
}

main();
