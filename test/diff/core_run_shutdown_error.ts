import * as asyncio from "asyncio-ts";
import { excName, print } from "./_py";

function* stubbornFailure() {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) throw new RangeError("failed while being cancelled");
    throw e;
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  loop.setExceptionHandler((_lp, ctx) => print("handler:", ctx.message, "|", excName(ctx.exception), (ctx.exception as Error).message));
  asyncio.createTask(stubbornFailure());
  yield* asyncio.sleep(0);
  print("main done");
}

await asyncio.run(main());
print("run returned normally");
