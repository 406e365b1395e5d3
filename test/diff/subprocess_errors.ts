// Programs that cannot be run raise the OSError subclass Python's Popen raises, with
// the same message; a bad argument is a TypeError. Nothing is left running.
import * as asyncio from "asyncio-ts";
import { fmtExc, print } from "./_py";
import { pair } from "./_subprocess";

const { PIPE, STDOUT } = asyncio.subprocess;

function* attempt(label: string, make: () => asyncio.Coroutine<asyncio.subprocess.Process>) {
  try {
    const proc = yield* make();
    print(label, "started, exit:", yield* proc.wait());
  } catch (e) {
    if (e instanceof asyncio.OSError) {
      print(label, "->", fmtExc(e), "errno", e.errno, "filename", (e as unknown as { filename: string }).filename);
    } else if (e instanceof TypeError) {
      print(label, "->", e.name);
    } else {
      throw e;
    }
  }
}

function* main() {
  yield* attempt("missing", () => asyncio.createSubprocessExec("nosuch-program-xyz", "arg"));
  yield* attempt("missing merged", () => asyncio.createSubprocessExec("nosuch-program-xyz", { stdout: PIPE, stderr: STDOUT }));
  yield* attempt("missing path", () => asyncio.createSubprocessExec("/nonexistent/dir/prog"));
  yield* attempt("not executable", () => asyncio.createSubprocessExec("/etc/passwd"));
  yield* attempt("directory", () => asyncio.createSubprocessExec("/tmp"));
  yield* attempt("missing cwd", () => asyncio.createSubprocessExec("echo", "x", { cwd: "/nonexistent-dir-xyz" }));
  yield* attempt("int argument", () => asyncio.createSubprocessExec("echo", 42 as unknown as string));
  yield* attempt("shell missing command", () => asyncio.createSubprocessShell("nosuch-program-xyz 2>/dev/null"));
  const proc = yield* asyncio.createSubprocessShell("echo still fine", { stdout: PIPE });
  print("after the failures:", pair(yield* proc.communicate()));
}

await asyncio.run(main());
