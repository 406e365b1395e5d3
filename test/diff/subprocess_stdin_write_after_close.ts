// Writing to a child's stdin after closing it: as on a socket, the write is accepted and
// its data dropped; drain() returns (the pipe was closed by the program, not lost).
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

function* main() {
  const proc = yield* asyncio.createSubprocessExec("cat", { stdin: asyncio.subprocess.PIPE, stdout: asyncio.subprocess.PIPE });
  proc.stdin!.write("first\n");
  yield* proc.stdin!.drain();
  proc.stdin!.close();
  proc.stdin!.write("late\n");
  print("write after close accepted; closing:", proc.stdin!.isClosing());
  yield* proc.stdin!.drain();
  print("drain returned");
  print("child read:", bytesRepr(yield* proc.stdout!.read()));
  print("exit code:", yield* proc.wait());
}

await asyncio.run(main());
