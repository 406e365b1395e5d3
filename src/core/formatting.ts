/**
 * Exceptions printed in the layout of Python's traceback module: a chain of causes joined
 * by "The above exception was the direct cause of the following exception:", and an
 * exception group as a tree of numbered boxes, cut after 15 members and 10 levels.
 *
 * Each exception prints JavaScript's way: its `Name: message` line first, its frames
 * ("    at …") under it, where Python prints "Traceback (most recent call last):", the
 * "File" lines and then the message. And the outermost group is not boxed, so that a
 * group's `stack` starts with its `Name: message` line like any JavaScript stack.
 */
import { describe } from "./repr";

/**
 * What makes a value a group to the formatter: a method under this key giving the group's
 * own lines (its `str()` line and the frames where it was made, without its members), and
 * the members in `exceptions`. `ExceptionGroup` has both.
 */
export const ownTrace: unique symbol = Symbol("ownTrace");

interface Group {
  readonly exceptions: readonly unknown[];
  [ownTrace](): string;
}

function isGroup(value: unknown): value is Group {
  return typeof value === "object" && value !== null && typeof (value as Partial<Group>)[ownTrace] === "function";
}

// traceback.TracebackException's defaults.
const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;
const CAUSE_MESSAGE = "\nThe above exception was the direct cause of the following exception:\n";

/**
 * `value` as Python's `traceback.format_exception` lays it out, without a final newline:
 * its causes first when `chain` is true (only the members' causes otherwise, for a
 * group's `stack`, which Node prints followed by the group's `cause`).
 */
export function formatException(value: unknown, chain = true): string {
  const printer = new Printer();
  printer.format(collect(value), chain);
  return printer.lines.join("\n");
}

/**
 * `header`, then the frames of `stack`. A V8 stack (Node, Chromium, Deno, and Bun's look
 * the same) has a header of its own, which is dropped: it says what the name and message
 * were when the stack was formatted. Firefox and Safari write frames only
 * (`f@file.js:1:2`), indented here to stand under the header as V8's do.
 */
export function withFrames(header: string, stack: unknown): string {
  if (typeof stack !== "string") return header;
  const text = stack.replace(/\n+$/, "");
  const frames = text.indexOf("\n    at ", text.startsWith(header) ? header.length : 0);
  if (frames !== -1) return header + text.slice(frames);
  if (text === "" || text.startsWith(header)) return header;
  return [header, ...text.split("\n").map((line) => `    ${line}`)].join("\n");
}

/** An exception and what prints with it: its cause, its members if it is a group (Python's TracebackException). */
interface Entry {
  readonly value: unknown;
  readonly parent: Entry | undefined;
  cause: Entry | undefined;
  members: Entry[] | undefined;
}

// Like TracebackException.__init__: a cause already met anywhere in the tree is not
// followed (that breaks cycles), members always are, and the walk marks the cause and all
// members of one exception before it goes into any of them, last member first, so that
// a cause shared by two members prints with the same one as in Python. A group that
// contains itself (its members can be changed; a Python group's cannot) is not opened
// again.
function collect(value: unknown): Entry {
  const seen = new Set<unknown>([value]);
  const root: Entry = { value, parent: undefined, cause: undefined, members: undefined };
  const stack = [root];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const cause = causeOf(entry.value);
    if (cause !== undefined && !seen.has(cause)) {
      seen.add(cause);
      entry.cause = { value: cause, parent: entry, cause: undefined, members: undefined };
      stack.push(entry.cause);
    }
    if (isGroup(entry.value) && !containedIn(entry.value, entry.parent)) {
      entry.members = [];
      for (const member of entry.value.exceptions) {
        seen.add(member);
        const memberEntry: Entry = { value: member, parent: entry, cause: undefined, members: undefined };
        entry.members.push(memberEntry);
        stack.push(memberEntry);
      }
    }
  }
  return root;
}

function causeOf(value: unknown): unknown {
  if (!isError(value)) return undefined;
  try {
    const cause = (value as { cause?: unknown }).cause;
    return cause === null ? undefined : cause;
  } catch {
    return undefined;
  }
}

function containedIn(group: Group, entry: Entry | undefined): boolean {
  for (; entry !== undefined; entry = entry.parent) if (entry.value === group) return true;
  return false;
}

/** Where the lines go, and how deep in the tree they are (Python's _ExceptionPrintContext). */
class Printer {
  readonly lines: string[] = [];
  private _depth = 0;
  private _needClose = false;

  format(entry: Entry, chain: boolean): void {
    const chained: Entry[] = [];
    for (let e: Entry | undefined = entry; e !== undefined; e = chain ? e.cause : undefined) chained.push(e);
    for (let i = chained.length - 1; i >= 0; i--) {
      if (i < chained.length - 1) this._emit(CAUSE_MESSAGE);
      this._formatOne(chained[i]!);
    }
  }

  // Like TracebackException.format, but the outermost group's own lines come before its
  // depth goes up, which leaves them out of the boxes.
  private _formatOne(entry: Entry): void {
    const members = entry.members;
    if (members === undefined) {
      this._emit(ownText(entry.value));
      return;
    }
    if (this._depth > MAX_GROUP_DEPTH) {
      this._emit(`... (max_group_depth is ${MAX_GROUP_DEPTH})`);
      return;
    }
    const topLevel = this._depth === 0;
    this._emit(ownText(entry.value));
    if (topLevel) this._depth++;
    const n = members.length <= MAX_GROUP_WIDTH ? members.length : MAX_GROUP_WIDTH + 1;
    this._needClose = false;
    for (let i = 0; i < n; i++) {
      const last = i === n - 1;
      // The closing line may come from a nested group that is last in its own group too.
      if (last) this._needClose = true;
      const truncated = i >= MAX_GROUP_WIDTH;
      this.lines.push(`${this._indent()}${i === 0 ? "+-" : "  "}+---------------- ${truncated ? "..." : i + 1} ----------------`);
      this._depth++;
      if (!truncated) {
        this.format(members[i]!, true);
      } else {
        const remaining = members.length - MAX_GROUP_WIDTH;
        this._emit(`and ${remaining} more exception${remaining > 1 ? "s" : ""}`);
      }
      if (last && this._needClose) {
        this.lines.push(`${this._indent()}+------------------------------------`);
        this._needClose = false;
      }
      this._depth--;
    }
    if (topLevel) this._depth = 0;
  }

  private _indent(): string {
    return " ".repeat(2 * this._depth);
  }

  private _emit(text: string): void {
    const prefix = this._depth > 0 ? `${this._indent()}| ` : "";
    for (const line of text.split("\n")) this.lines.push(prefix + line);
  }
}

/**
 * One exception's own lines: an error's header and frames, a group's without its members;
 * for anything else thrown, its description (a string in full: it is the message).
 */
function ownText(value: unknown): string {
  if (isGroup(value)) return value[ownTrace]();
  if (typeof value === "string") return `'${value}'`;
  if (!isError(value)) return describe(value);
  let stack: unknown;
  try {
    stack = (value as Error).stack;
  } catch {
    stack = undefined;
  }
  return withFrames(header(value), stack);
}

// An error from another realm (a vm context, an iframe) is not an instance of this Error.
function isError(value: unknown): boolean {
  return value instanceof Error || Object.prototype.toString.call(value) === "[object Error]";
}

// Like traceback's _safe_string.
function header(error: unknown): string {
  try {
    return String(error);
  } catch {
    return "<exception str() failed>";
  }
}
