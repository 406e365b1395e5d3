// Several tasks wait for the same process; one of them is cancelled, the others get
// the return code, and the process stays usable.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";
import { out } from "./_subprocess";

const { PIPE } = asyncio.subprocess;

function* waiter(name: string, proc: asyncio.subprocess.Process) {
  const rc = yield* proc.wait();
  print(name, "got", rc);
  return rc;
}

function* main() {
  let proc = yield* asyncio.createSubprocessExec("sh", "-c", "read line; echo got $line; exit 6", { stdin: PIPE, stdout: PIPE });
  const tasks = ["a", "b", "c"].map((name) => asyncio.createTask(waiter(name, proc)));
  yield* asyncio.sleep(0.05);
  tasks[1]!.cancel();
  yield* asyncio.sleep(0);
  print("b cancelled:", tasks[1]!.cancelled(), "returncode still:", proc.returncode);
  proc.stdin!.write("hello\n");
  print("stdout:", out(yield* proc.stdout!.readline()));
  const results = yield* asyncio.gather(...tasks, { returnExceptions: true });
  print("results:", results.map((r) => (r instanceof Error ? r.name : r)));
  print("late waiter:", yield* waiter("d", proc));
  try {
    yield* asyncio.waitFor(proc.wait(), 1);
    print("wait_for after exit: ok");
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("timeout");
  }
  proc = yield* asyncio.createSubprocessExec("sleep", "10");
  try {
    yield* asyncio.waitFor(proc.wait(), 0.1);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("wait_for timed out, returncode:", proc.returncode);
  }
  proc.kill();
  print("then killed:", yield* proc.wait());
}

await asyncio.run(main());
