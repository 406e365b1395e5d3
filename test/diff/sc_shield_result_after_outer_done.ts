import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const inner = loop.createFuture<string>();
  const outer = asyncio.shield(inner);
  inner.setResult("value");
  print("shield follows the inner result:", yield* outer);
  const inner2 = loop.createFuture();
  const outer2 = asyncio.shield(inner2);
  inner2.setException(new asyncio.LookupError("inner error"));
  try {
    yield* outer2;
  } catch (e) {
    if (e instanceof asyncio.LookupError) print("and its error:", e.message);
  }
  const inner3 = loop.createFuture<string>();
  const outer3 = asyncio.shield(inner3);
  outer3.cancel();
  inner3.setResult("later");
  yield* asyncio.sleep(0);
  print("outer cancelled, inner kept its value:", outer3.cancelled(), inner3.result());
}

asyncio.runSync(main());
