/**
 * Running the child processes of the differential suites: a limit on how many run at
 * once (on a 2-core machine more only adds noise to the real-time scenarios), and one
 * process's outcome.
 */
import { type ExecFileOptions, execFile } from "node:child_process";

export function concurrencyLimit(slots: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let free = slots;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    else free--;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}

/** What a process printed, and whether it exited with status 0. */
export interface Outcome {
  stdout: string;
  stderr: string;
  ok: boolean;
}

/** Runs `command` to its end (or `options.timeout`) and gives its outcome; never rejects. */
export function outcomeOf(command: string, args: string[], options: ExecFileOptions): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(command, args, { ...options, encoding: "utf8" }, (error, stdout, stderr) => resolve({ stdout, stderr, ok: error === null }));
  });
}
