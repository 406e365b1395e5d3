import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* sleeper() {
  yield* asyncio.sleep(1);
}

function* failer() {
  yield* asyncio.sleep(0.01);
  throw new RangeError("inner failed");
}

function* main() {
  const inner = asyncio.createTask(sleeper());
  const s = asyncio.shield(inner);
  yield* asyncio.sleep(0);
  inner.cancel();
  try {
    yield* s;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("inner cancelled directly -> shield cancelled:", s.cancelled(), inner.cancelled());
  }
  const inner2 = asyncio.createTask(failer());
  try {
    yield* asyncio.shield(inner2);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("inner error comes through:", e.message);
  }
  // cancelling the shield future itself leaves the inner alone
  const inner3 = asyncio.createTask(asyncio.sleep(0.02, "inner value"));
  const s3 = asyncio.shield(inner3);
  print("cancel shield ->", s3.cancel(), "shield cancelled:", s3.cancelled(), "inner cancelled:", inner3.cancelled());
  print("inner still finishes:", yield* inner3);
  print("cancel a done shield ->", s3.cancel());
}

asyncio.runSync(main());
