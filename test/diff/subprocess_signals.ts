// Killed by a signal: returncode is minus the signal number. Signalling a process that
// was waited for raises ProcessLookupError.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";
import { out } from "./_subprocess";

const { PIPE } = asyncio.subprocess;

function* main() {
  let proc = yield* asyncio.createSubprocessExec("sleep", "10");
  print("running:", proc.returncode);
  proc.kill();
  print("after kill():", proc.returncode);
  print("kill ->", yield* proc.wait(), proc.returncode);
  proc = yield* asyncio.createSubprocessExec("sleep", "10", { stdout: PIPE });
  proc.terminate();
  print("terminate ->", yield* proc.wait());
  proc = yield* asyncio.createSubprocessShell("exec sleep 10");
  proc.sendSignal("SIGINT");
  print("SIGINT ->", yield* proc.wait());
  proc = yield* asyncio.createSubprocessExec(
    "python3", "-c", "import signal, sys, time\nsignal.signal(signal.SIGTERM, lambda *a: sys.exit(3))\nprint('ready', flush=True)\ntime.sleep(10)", { stdout: PIPE });
  print("child:", out(yield* proc.stdout!.readline()));
  proc.terminate();
  print("handled SIGTERM ->", yield* proc.wait());
  for (const method of [() => proc.kill(), () => proc.terminate(), () => proc.sendSignal("SIGINT")]) {
    try {
      method();
      print("no error");
    } catch (e) {
      if (!(e instanceof asyncio.ProcessLookupError)) throw e;
      print("after wait:", e.name);
    }
  }
}

await asyncio.run(main());
