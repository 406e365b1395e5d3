// readuntil with a multi-byte separator that arrives split across chunks, a separator
// at the very start, and IncompleteReadError (expected None) at EOF.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print, repr } from "./_py";

function* main() {
  const reader = new asyncio.StreamReader();

  function* feed() {
    for (const piece of ["HEAD", "ER\r", "\n", "\r", "\nbo", "dy\r\n\r\n", "\r\n\r\nrest"]) {
      yield* asyncio.sleep(0.005);
      reader.feedData(piece);
    }
    reader.feedEof();
  }

  const task = asyncio.createTask(feed());
  print(bytesRepr(yield* reader.readuntil("\r\n\r\n")));
  print(bytesRepr(yield* reader.readuntil("\r\n\r\n")));
  print(bytesRepr(yield* reader.readuntil("\r\n\r\n")));
  try {
    yield* reader.readuntil("\r\n\r\n");
  } catch (e) {
    if (!(e instanceof asyncio.IncompleteReadError)) throw e;
    print(e.name, e.message, bytesRepr(e.partial), repr(e.expected));
  }
  print("at_eof", reader.atEof());
  const r2 = new asyncio.StreamReader();
  r2.feedData("a--b---c");
  r2.feedEof();
  print(bytesRepr(yield* r2.readuntil("--")), bytesRepr(yield* r2.readuntil("---")));
  try {
    yield* r2.readuntil("");
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("ValueError", e.message);
  }
  print(bytesRepr(yield* r2.readuntil("c")));
  yield* task;
}

await asyncio.run(main());
