// readexactly: zero bytes, exact sizes across chunks, and IncompleteReadError at EOF
// with partial and expected, and what is left in the buffer after it.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

function* main() {
  const reader = new asyncio.StreamReader();
  print("zero", bytesRepr(yield* reader.readexactly(0)));
  reader.feedData("0123");

  function* later() {
    yield* asyncio.sleep(0.01);
    reader.feedData("4567");
    yield* asyncio.sleep(0.01);
    reader.feedData("89");
    reader.feedEof();
  }

  const task = asyncio.createTask(later());
  print("six", bytesRepr(yield* reader.readexactly(6)));
  try {
    yield* reader.readexactly(10);
  } catch (e) {
    if (!(e instanceof asyncio.IncompleteReadError)) throw e;
    print(e.name, e.message, bytesRepr(e.partial), e.expected);
  }
  print("left", bytesRepr(yield* reader.read()), reader.atEof());
  try {
    yield* reader.readexactly(1);
  } catch (e) {
    if (!(e instanceof asyncio.IncompleteReadError)) throw e;
    print(e.name, e.message, bytesRepr(e.partial), e.expected);
  }
  try {
    yield* reader.readexactly(-1);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("ValueError", e.message);
  }
  yield* task;
}

await asyncio.run(main());
