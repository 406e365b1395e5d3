// readline on a reader fed by hand: lines split across chunks, empty lines, a last
// line without a newline, and readline at EOF.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

const b = (s: string) => new TextEncoder().encode(s);

function* feeder(reader: asyncio.StreamReader, pieces: Uint8Array[]) {
  for (const piece of pieces) {
    yield* asyncio.sleep(0);
    reader.feedData(piece);
  }
  yield* asyncio.sleep(0);
  reader.feedEof();
}

function* main() {
  const reader = new asyncio.StreamReader();
  const task = asyncio.createTask(feeder(reader, [b("ab"), b("c\n\nde"), b("f\ng"), b(""), b("h")]));
  for (;;) {
    const line = yield* reader.readline();
    print("line", bytesRepr(line), "at_eof", reader.atEof());
    if (line.length === 0) break;
  }
  print("again", bytesRepr(yield* reader.readline()));
  yield* task;
  const reader2 = new asyncio.StreamReader();
  reader2.feedData(b("\n\n\n"));
  const lines: string[] = [];
  for (let i = 0; i < 3; i++) lines.push(bytesRepr(yield* reader2.readline()));
  print(`[${lines.join(", ")}]`, reader2.atEof());
}

await asyncio.run(main());
