// Exit statuses through exec and shell; returncode is None until the exit is seen.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  for (const code of [0, 1, 3, 255]) {
    const proc = yield* asyncio.createSubprocessExec("sh", "-c", `exit ${code}`);
    print("exec exit", code, "->", yield* proc.wait(), proc.returncode);
  }
  let proc = yield* asyncio.createSubprocessShell("exit 7");
  print("shell exit 7 ->", yield* proc.wait());
  proc = yield* asyncio.createSubprocessShell("false || exit 42");
  print("shell false || exit 42 ->", yield* proc.wait());
  proc = yield* asyncio.createSubprocessExec("python3", "-c", "import sys, time; time.sleep(0.1); sys.exit(5)");
  print("running returncode:", proc.returncode);
  print("python sys.exit(5) ->", yield* proc.wait());
  print("wait again ->", yield* proc.wait());
  proc = yield* asyncio.createSubprocessShell("nosuch-command-xyz 2>/dev/null");
  print("shell command not found ->", yield* proc.wait());
}

await asyncio.run(main());
