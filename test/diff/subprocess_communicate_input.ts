// communicate(input): the input goes to stdin, which is closed; stdout and stderr are
// read together. A child that exits without reading a large input is not an error.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";
import { out as rep, pair } from "./_subprocess";

const { PIPE } = asyncio.subprocess;

const SPLIT = "import sys\ndata = sys.stdin.buffer.read()\nsys.stdout.buffer.write(data.upper())\nsys.stderr.buffer.write(str(len(data)).encode())\n";

function* main() {
  let proc = yield* asyncio.createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
  print("cat:", pair(yield* proc.communicate("some input\nand more")));
  proc = yield* asyncio.createSubprocessExec("python3", "-c", SPLIT, { stdin: PIPE, stdout: PIPE, stderr: PIPE });
  const [out, err] = yield* proc.communicate("abc".repeat(300000));
  print("big:", out!.length, rep(out!.subarray(0, 6)), rep(err), proc.returncode);
  proc = yield* asyncio.createSubprocessExec("python3", "-c", "import sys; sys.exit(4)", { stdin: PIPE, stdout: PIPE });
  print("exits without reading:", pair(yield* proc.communicate("x".repeat(2000000))), proc.returncode);
  proc = yield* asyncio.createSubprocessExec("cat", { stdin: PIPE });
  print("stdout not piped:", pair(yield* proc.communicate("")));
  proc = yield* asyncio.createSubprocessExec("wc", "-c", { stdin: PIPE, stdout: PIPE });
  proc.stdin!.write("12345");
  print("after write, communicate with input too:", pair(yield* proc.communicate("678")));
  print("communicate again:", pair(yield* proc.communicate()));
}

await asyncio.run(main());
