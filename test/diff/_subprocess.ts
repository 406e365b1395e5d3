/**
 * Helpers for the subprocess scenarios: Python's `repr()` of what `communicate` gives
 * (bytes, or None for a stream that is not a pipe).
 */
import { bytesRepr } from "./_bytes";

/** `repr(x)` of bytes or None. */
export function out(data: Uint8Array | undefined | null): string {
  return data === undefined || data === null ? "None" : bytesRepr(data);
}

/** Python's `print((stdout, stderr))` of a communicate result. */
export function pair([stdout, stderr]: [Uint8Array | undefined, Uint8Array | undefined]): string {
  return `(${out(stdout)}, ${out(stderr)})`;
}
