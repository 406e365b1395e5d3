// A pipeline of two processes: a producer's stdout is copied chunk by chunk into a
// consumer's stdin (with drain), and the consumer's output is read line by line.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";
import { out } from "./_subprocess";

const { PIPE } = asyncio.subprocess;

const PRODUCER = "import sys\nfor i in range(2000):\n    sys.stdout.write(f'line {i} of the producer\\n')\n";

function* copy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  let total = 0;
  for (;;) {
    const chunk = yield* reader.read(4096);
    if (chunk.length === 0) break;
    total += chunk.length;
    writer.write(chunk);
    yield* writer.drain();
  }
  writer.close();
  yield* writer.waitClosed();
  return total;
}

function* collect(reader: asyncio.StreamReader) {
  const lines: Uint8Array[] = [];
  for (;;) {
    const line = yield* reader.readline();
    if (line.length === 0) return lines;
    lines.push(line);
  }
}

function* main() {
  const producer = yield* asyncio.createSubprocessExec("python3", "-c", PRODUCER, { stdout: PIPE });
  const consumer = yield* asyncio.createSubprocessExec("tr", "a-z", "A-Z", { stdin: PIPE, stdout: PIPE });
  const [copied, lines] = yield* asyncio.gather(copy(producer.stdout!, consumer.stdin!), collect(consumer.stdout!));
  print("copied bytes:", copied);
  print("lines:", lines.length, "first:", out(lines[0]), "last:", out(lines[lines.length - 1]));
  print("producer:", yield* producer.wait(), "consumer:", yield* consumer.wait());
}

await asyncio.run(main());
