// The low-level API: loop.subprocess_exec with a SubprocessProtocol, in asyncio's order
// of callbacks, and the transport's getters.
import * as asyncio from "asyncio-ts";
import { print } from "./_py";
import { out } from "./_subprocess";

const { DEVNULL } = asyncio.subprocess;

const CHILD = "import os, time\nos.write(1, b'to stdout')\nos.close(1)\ntime.sleep(0.05)\nos.write(2, b'to stderr')\nos.close(2)\ntime.sleep(0.05)\n";

class Recorder extends asyncio.SubprocessProtocol {
  transport: asyncio.SubprocessTransport | undefined = undefined;
  constructor(readonly done: asyncio.Future<undefined>) {
    super();
  }

  override connectionMade(transport: asyncio.BaseTransport) {
    const t = transport as unknown as asyncio.SubprocessTransport;
    this.transport = t;
    print("connection_made, returncode", t.getReturncode(), "pid is int", Number.isInteger(t.getPid()));
  }

  override pipeDataReceived(fd: number, data: Uint8Array) {
    print("pipe_data_received", fd, out(data));
  }

  override pipeConnectionLost(fd: number, exc: Error | undefined) {
    print("pipe_connection_lost", fd, exc);
  }

  override processExited() {
    print("process_exited", this.transport!.getReturncode());
  }

  override connectionLost(exc: Error | undefined) {
    print("connection_lost", exc);
    this.done.setResult(undefined);
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  let done = loop.createFuture<undefined>();
  let [transport, protocol] = yield* loop.subprocessExec(() => new Recorder(done), "python3", "-c", CHILD, { stdin: DEVNULL });
  print("returned, same transport:", transport === protocol.transport);
  print("stdin pipe:", transport.getPipeTransport(0), "stdout pipe exists:", transport.getPipeTransport(1) !== undefined);
  yield* done;
  print("returncode", transport.getReturncode(), "closing", transport.isClosing());
  transport.close();
  print("closing after close()", transport.isClosing());

  done = loop.createFuture<undefined>();
  [transport, protocol] = yield* loop.subprocessShell(() => new Recorder(done), "cat; exec 1>&-; sleep 0.05; exit 9", { stderr: DEVNULL });
  transport.getPipeTransport(0)!.write("echoed by cat");
  transport.getPipeTransport(0)!.close();
  yield* done;
  transport.close();
}

await asyncio.run(main());
