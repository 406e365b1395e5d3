/**
 * A host-driven run that can never make progress fails with a clear error instead of
 * letting Node exit with the run's promise unsettled.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, expect, test } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "asyncio-ts-deadlock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runScript(body: string): Promise<string> {
  const entry = join(dir, `entry-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(entry, `import * as asyncio from "asyncio-ts";\n${body}`);
  const out = `${entry}.mjs`;
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    alias: { "asyncio-ts": resolve(import.meta.dirname, "..", "..", "src", "index.ts") },
    logLevel: "error",
  });
  return execFileSync(process.execPath, [out], { timeout: 20_000 }).toString();
}

test("a main task waiting on a future nobody completes fails the run, after its cleanup ran", async () => {
  const out = await runScript(`
function* main() {
  try { yield* asyncio.getRunningLoop().createFuture(); } finally { console.log("cleanup ran"); }
}
try { await asyncio.run(main()); console.log("settled"); } catch (e) { console.log(e.name + ": " + e.message); }
`);
  expect(out).toBe(
    "cleanup ran\nRuntimeError: the event loop can never finish: no callback is ready, no timer is scheduled and the host has nothing left that could wake it (a task waits on a future nobody will complete)\n" +
      "waiting tasks:\n  Task-1 waits on <Future pending> that nothing will complete\n",
  );
});

test("a lock-order inversion under asyncio.run is reported as exactly that: who holds which lock, who wants it", async () => {
  const out = await runScript(`
const a = new asyncio.Lock(), b = new asyncio.Lock();
function* worker(first, second) {
  yield* asyncio.asyncWith(first, function* () {
    yield* asyncio.sleep(0.01);
    yield* asyncio.asyncWith(second, function* () {});
  });
}
function* main() { yield* asyncio.gather(worker(a, b), worker(b, a)); }
try { await asyncio.run(main()); } catch (e) { console.log(e.message); }
`);
  expect(out).toBe(
    "the event loop can never finish: no callback is ready, no timer is scheduled and the host has nothing left that could wake it\n" +
      "deadlock: Task-2 waits to acquire Lock#1, held by Task-3; Task-3 waits to acquire Lock#2, held by Task-2\n" +
      "waiting tasks:\n" +
      "  Task-1 waits for gather(Task-2, Task-3)\n" +
      "  Task-2 waits to acquire Lock#1, held by Task-3\n" +
      "  Task-3 waits to acquire Lock#2, held by Task-2\n",
  );
});

test("a wrapped promise that never settles is named as the cause", async () => {
  const out = await runScript(`
function* main() { yield* asyncio.wrapPromise(new Promise(() => {})); }
try { await asyncio.run(main()); } catch (e) { console.log(e.message); }
`);
  expect(out).toMatch(/can never finish.*\(1 wrapped promise never settles\)/);
});

test("host work that is still pending keeps the run alive", async () => {
  const out = await runScript(`
function* main() {
  const loop = asyncio.getRunningLoop();
  const f = loop.createFuture();
  setTimeout(() => loop.callSoonThreadsafe(() => f.setResult("woken by the host")), 50);
  return yield* f;
}
console.log(await asyncio.run(main()));
`);
  expect(out).toBe("woken by the host\n");
});
