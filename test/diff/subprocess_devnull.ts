// DEVNULL: stdin reads end of file at once, output goes nowhere; no streams on Process.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";
import { out, pair } from "./_subprocess";

const { DEVNULL, PIPE } = asyncio.subprocess;

function* main() {
  let proc = yield* asyncio.createSubprocessExec("cat", { stdin: DEVNULL, stdout: PIPE });
  print("cat < /dev/null:", pair(yield* proc.communicate()));
  proc = yield* asyncio.createSubprocessExec("wc", "-c", { stdin: DEVNULL, stdout: PIPE });
  const data = yield* proc.stdout!.read();
  print("wc -c < /dev/null:", out(Buffer.from(Buffer.from(data).toString().trim())));
  yield* proc.wait();
  proc = yield* asyncio.createSubprocessShell("echo lost; echo lost too >&2", { stdout: DEVNULL, stderr: DEVNULL });
  print("streams:", proc.stdin ?? undefined, proc.stdout ?? undefined, proc.stderr ?? undefined);
  print("communicate:", pair(yield* proc.communicate()), proc.returncode);
  proc = yield* asyncio.createSubprocessExec("sh", "-c", "echo kept >&2", { stdout: DEVNULL, stderr: PIPE });
  print("stderr only:", pair(yield* proc.communicate()));
}

await asyncio.run(main());
