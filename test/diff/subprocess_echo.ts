// echo through exec and through the shell: stdout as a pipe, returncode before and after.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";
import { out, pair } from "./_subprocess";

const { PIPE } = asyncio.subprocess;

function* main() {
  let proc = yield* asyncio.createSubprocessExec("echo", "hello", "world", { stdout: PIPE });
  print("exec stdin/stderr are None:", proc.stdin === null, proc.stderr === null);
  print("exec:", pair(yield* proc.communicate()));
  print("exec returncode:", proc.returncode);
  proc = yield* asyncio.createSubprocessShell("echo $((6 * 7)) 'two  spaces'; echo second line", { stdout: PIPE, stderr: PIPE });
  print("shell:", pair(yield* proc.communicate()));
  print("shell returncode:", proc.returncode);
  proc = yield* asyncio.createSubprocessExec("printf", "%s|", "a b", "c", "", { stdout: PIPE });
  const data = yield* proc.stdout!.read();
  print("printf read:", out(data), "at_eof:", proc.stdout!.atEof());
  print("printf wait:", yield* proc.wait());
}

await asyncio.run(main());
