// cwd and env: the child runs in the given directory with exactly the given environment.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";
import { pair } from "./_subprocess";

const { PIPE } = asyncio.subprocess;

function* main() {
  let proc = yield* asyncio.createSubprocessExec("pwd", { stdout: PIPE, cwd: "/" });
  print("pwd in /:", pair(yield* proc.communicate()));
  const env = { GREETING: "hi there", PATH: process.env.PATH! };
  proc = yield* asyncio.createSubprocessShell('echo "$GREETING|${HOME:-no home}"', { stdout: PIPE, env });
  print("env:", pair(yield* proc.communicate()));
  proc = yield* asyncio.createSubprocessExec("sh", "-c", "cd ..; pwd", { stdout: PIPE, cwd: "/usr/bin" });
  print("relative cd:", pair(yield* proc.communicate()));
  proc = yield* asyncio.createSubprocessExec("env", { stdout: PIPE, env: { ONLY: "1" } });
  print("env -i like:", pair(yield* proc.communicate()));
}

await asyncio.run(main());
