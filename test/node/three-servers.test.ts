/**
 * The seed's motivating example (examples/three-servers.ts), run as a program: the
 * shape of its output and the times that matter (sequential is the sum of the delays,
 * concurrent is the slowest, waitFor gives up at its timeout), not exact times.
 */
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";

const root = resolve(import.meta.dirname, "..", "..");

test("three servers: one after the other, concurrently, and giving up on the slow one", async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "examples/three-servers.ts", "--quick"], { cwd: root, timeout: 30_000 });
  const lines = stdout.trimEnd().split("\n");
  const shape = lines.map((l) => l.replace(/\d+\.\d\d s/g, "T s"));
  expect(shape).toEqual([
    "servers: fast (answers after T s), medium (answers after T s), slow (answers after T s)",
    "one after the other:",
    "  T s  fast: HTTP/1.0 200 OK: hello from fast (/)",
    "  T s  medium: HTTP/1.0 200 OK: hello from medium (/)",
    "  T s  slow: HTTP/1.0 200 OK: hello from slow (/)",
    "  total T s",
    "concurrently (gather):",
    "  T s  fast: HTTP/1.0 200 OK: hello from fast (/)",
    "  T s  medium: HTTP/1.0 200 OK: hello from medium (/)",
    "  T s  slow: HTTP/1.0 200 OK: hello from slow (/)",
    "  total T s",
    "concurrently, giving up after T s (waitFor):",
    "  T s  fast: HTTP/1.0 200 OK: hello from fast (/)",
    "  T s  medium: HTTP/1.0 200 OK: hello from medium (/)",
    "  T s  slow: gave up (TimeoutError)",
    "  total T s",
    "concurrency saved T s",
  ]);
  const time = (i: number) => Number(/(\d+\.\d\d) s/.exec(lines[i]!)![1]);
  // --quick: the servers answer after 0.075, 0.15 and 0.5 s; waitFor gives up at 0.25 s.
  const slack = 0.15;
  expect(time(5)).toBeGreaterThanOrEqual(0.725 - 0.01);
  expect(time(5)).toBeLessThan(0.725 + slack);
  expect(time(10)).toBeGreaterThanOrEqual(0.5 - 0.01);
  expect(time(10)).toBeLessThan(0.5 + slack);
  expect(time(14)).toBeGreaterThanOrEqual(0.25 - 0.01);
  expect(time(15)).toBeLessThan(0.25 + slack);
  // Concurrent arrivals come at each server's own delay, not one after the other.
  expect(time(8)).toBeLessThan(0.15 + slack);
});
