// read(n) gives what is there (at most n), read(0) is empty, read(-1) reads to EOF
// across chunks, and reads after EOF are empty.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

function* main() {
  const reader = new asyncio.StreamReader();
  reader.feedData("hello world");
  print(bytesRepr(yield* reader.read(5)), bytesRepr(yield* reader.read(0)), bytesRepr(yield* reader.read(100)));

  function* feed() {
    for (const piece of ["one ", "two ", "three"]) {
      yield* asyncio.sleep(0.005);
      reader.feedData(piece);
    }
    yield* asyncio.sleep(0.005);
    reader.feedEof();
  }

  const task = asyncio.createTask(feed());
  print("first chunk", bytesRepr(yield* reader.read(2)));
  print("to eof", bytesRepr(yield* reader.read()));
  print("after eof", bytesRepr(yield* reader.read()), bytesRepr(yield* reader.read(10)), reader.atEof());
  yield* task;
  const big = new asyncio.StreamReader(4);
  big.feedData("x".repeat(10));
  big.feedData("y".repeat(10));
  big.feedEof();
  print("read(-1) past the limit", bytesRepr(yield* big.read(-1)));
}

await asyncio.run(main());
