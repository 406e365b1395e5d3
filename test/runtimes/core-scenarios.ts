/**
 * Which differential scenarios are the core's: those whose port runs on the browser entry
 * (src/index.browser.ts) alone, so that Bun, Deno and any other host can run them.
 *
 * Found by reading each port: its imports (and its local helpers'), the names it takes
 * from `asyncio`, and the methods it calls. What only the Node entry has is found by
 * loading both entries and comparing them.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** What only the Node entry has. */
export interface NodeOnly {
  /**
   * Names the Node entry exports with a value of its own: ones the browser entry has not
   * (`createSubprocessExec`, `socket`, …) and ones it has in a host-free form (`openConnection`
   * and `startServer`, which there go over a simulated network only).
   */
  exports: string[];
  /** Members the Node entry adds to the core's classes (`loop.createConnection`, …). */
  members: string[];
}

function ownMembers(value: unknown): string[] {
  return typeof value === "function" && value.prototype ? Object.getOwnPropertyNames(value.prototype) : [];
}

/** Loads both entries (the browser one first) and compares them. */
export async function nodeOnly(): Promise<NodeOnly> {
  const core: Record<string, unknown> = await import("../../src/index.browser");
  const before = new Map(Object.entries(core).map(([name, value]) => [name, ownMembers(value)]));
  const node: Record<string, unknown> = await import("../../src/index");
  return {
    exports: Object.keys(node).filter((name) => !(name in core) || node[name] !== core[name]),
    members: [...before].flatMap(([name, members]) => ownMembers(core[name]).filter((m) => !members.includes(m))),
  };
}

/** The module specifiers a file imports, with those of the local modules it imports. */
function importsOf(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = readFileSync(file, "utf8");
  const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((m) => m[1]!);
  return specifiers.flatMap((s) => {
    if (!s.startsWith(".")) return [s];
    const local = [join(dirname(file), s), join(dirname(file), `${s}.ts`)].find((p) => existsSync(p) && p.endsWith(".ts"));
    return local === undefined ? [s] : [s, ...importsOf(local, seen)];
  });
}

/** The names a port takes from asyncio-ts: `asyncio.X`, `const { X } = asyncio`, `import { X }`. */
function namesUsed(source: string): Set<string> {
  const names = [...source.matchAll(/\basyncio\.(\w+)/g)].map((m) => m[1]!);
  for (const [, list] of source.matchAll(/\{([^}]*)\}\s*(?:=\s*asyncio\b|from\s*["']asyncio-ts["'])/g)) {
    names.push(...list!.split(",").map((part) => part.trim().split(/\s*(?::|\bas\b)\s*/)[0]!.replace(/^type\s+/, "")));
  }
  return new Set(names.filter((n) => n !== ""));
}

/** Why the scenario whose port is `port` needs the Node entry, or null when the core suffices. */
export function needsNode(port: string, only: NodeOnly): string | null {
  const hostImports = importsOf(port).filter((s) => !s.startsWith(".") && s !== "asyncio-ts");
  if (hostImports.length > 0) return `imports ${[...new Set(hostImports)].join(", ")}`;
  const source = readFileSync(port, "utf8");
  const exports = [...namesUsed(source)].filter((n) => only.exports.includes(n));
  if (exports.length > 0) return `uses ${exports.join(", ")}, which only the Node entry exports`;
  const members = only.members.filter((m) => new RegExp(`\\.${m}\\b`).test(source));
  if (members.length > 0) return `calls ${members.join(", ")}, which only the Node entry adds`;
  // As Python's asyncio.run does, the Node entry's turns SIGINT into cancelling the main task.
  if (/\bprocess\.kill\(/.test(source)) return "signals its own process, which only the Node entry handles";
  return null;
}
