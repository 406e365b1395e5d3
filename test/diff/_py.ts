/**
 * Helpers for the TypeScript half of a differential scenario: print lines the way the
 * Python half's `print` does, so the two outputs can be compared line by line.
 */

/** Python's name for an error: asyncio-ts maps ValueError to RangeError. */
export function excName(error: unknown): string {
  if (error instanceof RangeError) return "ValueError";
  if (error instanceof Error) return error.name;
  return typeof error;
}

/** `f"{type(e).__name__}: {e}"` in Python. */
export function fmtExc(error: unknown): string {
  return `${excName(error)}: ${error instanceof Error ? error.message : String(error)}`;
}

/** Python's `repr()` for the values scenarios print: None, bools, ints, str, lists, errors. */
export function repr(value: unknown): string {
  if (value === undefined || value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "string") {
    // Python quotes with ' unless the text holds a ' and no ".
    if (value.includes("'") && !value.includes('"')) return `"${value}"`;
    return `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
  }
  if (Array.isArray(value)) return `[${value.map(repr).join(", ")}]`;
  if (value instanceof Set) return value.size === 0 ? "set()" : `{${[...value].map(repr).join(", ")}}`;
  if (value instanceof Error) {
    const msg = value.message;
    return `${excName(value)}(${msg === "" ? "" : repr(msg)})`;
  }
  return String(value);
}

/** Python's `str()`: like `repr` but strings print bare. */
export function str(value: unknown): string {
  return typeof value === "string" ? value : value instanceof Error ? value.message : repr(value);
}

/** Python's `print(*args)`. */
export function print(...args: unknown[]): void {
  console.log(args.map(str).join(" "));
}
