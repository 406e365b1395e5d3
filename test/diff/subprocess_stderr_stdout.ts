// stderr=STDOUT: both streams in one pipe, in the order the child wrote them.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";
import { pair } from "./_subprocess";

const { PIPE, STDOUT } = asyncio.subprocess;

const CHILD = "import sys\nfor i in range(3):\n    print('out', i, flush=True)\n    print('err', i, file=sys.stderr, flush=True)\n";

function* main() {
  let proc = yield* asyncio.createSubprocessExec("python3", "-c", CHILD, { stdout: PIPE, stderr: STDOUT });
  print("exec stderr is None:", proc.stderr === null);
  print("exec:", pair(yield* proc.communicate()));
  proc = yield* asyncio.createSubprocessShell("echo one; echo two >&2; echo three; exit 2", { stdout: PIPE, stderr: STDOUT });
  print("shell:", pair(yield* proc.communicate()), proc.returncode);
  proc = yield* asyncio.createSubprocessExec("sh", "-c", "echo to-stdout; echo to-stderr >&2", { stdout: PIPE, stderr: PIPE });
  print("separate:", pair(yield* proc.communicate()));
  proc = yield* asyncio.createSubprocessExec("sh", "-c", "echo hidden; echo hidden too >&2", { stdout: asyncio.subprocess.DEVNULL, stderr: STDOUT });
  print("both to DEVNULL:", pair(yield* proc.communicate()), proc.returncode);
}

await asyncio.run(main());
