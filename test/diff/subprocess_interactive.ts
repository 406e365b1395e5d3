// Talking to a child line by line: write a request, drain, read the reply; then
// write_eof, wait_closed and the child's last words.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";
import { out } from "./_subprocess";

const { PIPE } = asyncio.subprocess;

const CHILD = `
import sys
for line in sys.stdin:
    print(line.strip()[::-1], flush=True)
print("bye after", "eof", flush=True)
`;

function* main() {
  const proc = yield* asyncio.createSubprocessExec("python3", "-c", CHILD, { stdin: PIPE, stdout: PIPE });
  for (const word of ["hello", "asyncio", "subprocess"]) {
    proc.stdin!.write(`${word}\n`);
    yield* proc.stdin!.drain();
    print("sent", word, "got", out(yield* proc.stdout!.readline()));
  }
  proc.stdin!.writelines(["one\n", "two\n"]);
  print("can_write_eof:", proc.stdin!.canWriteEof());
  proc.stdin!.writeEof();
  print("is_closing after write_eof:", proc.stdin!.isClosing());
  yield* proc.stdin!.waitClosed();
  print("rest:", out(yield* proc.stdout!.read()));
  print("exit:", yield* proc.wait());
}

await asyncio.run(main());
