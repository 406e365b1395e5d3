/**
 * The Python oracle for many scenarios at once: one python3 running oracle.py, which
 * forks a child per scenario, so each run costs a fork instead of an interpreter start
 * and an `import asyncio` (most of what `python3 NAME.py` costs for a short scenario).
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Outcome } from "../processes";


export class PythonOracle {
  private _server: ChildProcessWithoutNullStreams;
  private _outDir = mkdtempSync(join(tmpdir(), "asyncio-ts-oracle-"));
  private _waiting = new Map<string, { resolve: (status: number) => void; reject: (error: Error) => void }>();
  private _nextId = 0;
  private _buffered = "";
  private _exited: Error | null = null;

  constructor() {
    this._server = spawn("python3", [join(import.meta.dirname, "oracle.py")], {
      env: { ...process.env, PYTHONHASHSEED: "0", PYTHONDONTWRITEBYTECODE: "1" },
    });
    this._server.stdout.setEncoding("utf8");
    this._server.stdout.on("data", (chunk: string) => this._onData(chunk));
    let stderr = "";
    this._server.stderr.setEncoding("utf8");
    this._server.stderr.on("data", (chunk: string) => (stderr += chunk));
    this._server.on("exit", (code, signal) => {
      this._exited = new Error(`the Python oracle (oracle.py) exited (${signal ?? code}) with scenarios still waiting:\n${stderr}`);
      for (const waiter of this._waiting.values()) waiter.reject(this._exited);
      this._waiting.clear();
    });
  }

  /**
   * Runs `python3 PATH` (in a fork): its output and whether it exited with status 0. On
   * virtual time, as `python3 test/diff/_virtual_time.py PATH` runs it.
   */
  async run(path: string, clock: "real" | "virtual" = "real"): Promise<Outcome> {
    if (this._exited !== null) throw this._exited;
    const id = String(this._nextId++);
    const status = await new Promise<number>((resolve, reject) => {
      this._waiting.set(id, { resolve, reject });
      this._server.stdin.write(`${id}\t${path}\t${this._outDir}\t${clock}\n`);
    });
    const outcome = {
      stdout: readFileSync(join(this._outDir, `${id}.out`), "utf8"),
      stderr: readFileSync(join(this._outDir, `${id}.err`), "utf8"),
      ok: status === 0,
    };
    rmSync(join(this._outDir, `${id}.out`));
    rmSync(join(this._outDir, `${id}.err`));
    if (status === -9) outcome.stderr += "\n(killed: still running after oracle.py's timeout)";
    return outcome;
  }

  /** Ends the server once its running scenarios are done, and removes their files. */
  async close(): Promise<void> {
    if (this._exited === null) {
      const exited = new Promise((resolve) => this._server.once("exit", resolve));
      this._server.stdin.end();
      await exited;
    }
    rmSync(this._outDir, { recursive: true, force: true });
  }

  private _onData(chunk: string): void {
    const lines = (this._buffered + chunk).split("\n");
    this._buffered = lines.pop()!;
    for (const line of lines) {
      const [id, status] = line.split("\t");
      const waiter = this._waiting.get(id!);
      this._waiting.delete(id!);
      waiter?.resolve(Number(status));
    }
  }
}
