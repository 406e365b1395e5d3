// LimitOverrunError from readuntil (separator found too late, or not found within the
// limit) leaves the data in the buffer; readline turns it into ValueError and drops
// the long line.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

function* main() {
  const reader = new asyncio.StreamReader(5);
  reader.feedData("0123456789\nok\n");
  try {
    yield* reader.readuntil("\n");
  } catch (e) {
    if (!(e instanceof asyncio.LimitOverrunError)) throw e;
    print(e.name, e.message, e.consumed);
  }
  print("still there", bytesRepr(yield* reader.readexactly(11)));
  print(bytesRepr(yield* reader.readuntil("\n")));

  reader.feedData("abcdefghij");
  try {
    yield* reader.readuntil("\n");
  } catch (e) {
    if (!(e instanceof asyncio.LimitOverrunError)) throw e;
    print(e.name, e.message, e.consumed);
  }
  print("still there", bytesRepr(yield* reader.read(100)));

  reader.feedData("0123456789\nnext\n");
  try {
    yield* reader.readline();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("ValueError", e.message);
  }
  print("after", bytesRepr(yield* reader.readline()));

  reader.feedData("0123456789");
  try {
    yield* reader.readline();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("ValueError", e.message);
  }
  reader.feedData("tail\n");
  print("after", bytesRepr(yield* reader.readline()));

  reader.feedData("12345\n");
  print("exactly at the limit", bytesRepr(yield* reader.readline()));
  reader.feedData("123456\n");
  try {
    yield* reader.readline();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    print("ValueError", e.message);
  }
}

await asyncio.run(main());
