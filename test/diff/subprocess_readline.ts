// Reading a child's stdout as it comes: readline, readuntil, readexactly, and EOF.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";
import { out } from "./_subprocess";

const { PIPE } = asyncio.subprocess;

const CHILD = `
import sys, time
for i in range(3):
    print(f"tick {i}", flush=True)
    time.sleep(0.02)
sys.stdout.write("a;b;c;")
sys.stdout.write("0123456789")
sys.stdout.write("tail without newline")
`;

function* main() {
  const proc = yield* asyncio.createSubprocessExec("python3", "-c", CHILD, { stdout: PIPE });
  for (let i = 0; i < 3; i++) print("readline:", out(yield* proc.stdout!.readline()));
  for (let i = 0; i < 3; i++) print("readuntil:", out(yield* proc.stdout!.readuntil(";")));
  print("readexactly:", out(yield* proc.stdout!.readexactly(10)));
  print("last readline:", out(yield* proc.stdout!.readline()));
  print("at_eof:", proc.stdout!.atEof(), "then:", out(yield* proc.stdout!.readline()));
  try {
    yield* proc.stdout!.readexactly(1);
  } catch (e) {
    if (!(e instanceof asyncio.IncompleteReadError)) throw e;
    print("IncompleteReadError partial:", out(e.partial), "expected:", e.expected);
  }
  print("wait:", yield* proc.wait());
}

await asyncio.run(main());
