/**
 * Python's `bytes` methods that binary protocols use, on `Uint8Array` (asyncio-ts's bytes):
 * `asyncio.bytes.split(data, " ")` for `data.split(b" ")`, `rstrip(line, "\n")` for
 * `line.rstrip(b"\n")`, `equal(data, "PING")` for `data == b"PING"`, `join(chunks)` for
 * `b"".join(chunks)`, `find(data, "\r\n")` for `data.find(b"\r\n")`. Text is better
 * decoded first (`new TextDecoder().decode(line)`); these are for bytes that are not
 * text, where decoding would mangle them. Where Python takes bytes, a string is accepted
 * and taken as its UTF-8 bytes, as the streams do. Results are new arrays, as Python's
 * are new bytes objects, never views of the argument.
 */

/** Bytes, or a string taken as its UTF-8 bytes. */
export type BytesLike = Uint8Array | string;

const encoder = new TextEncoder();

function asBytes(value: BytesLike, what: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === "string") return encoder.encode(value);
  throw new TypeError(`${what} must be a Uint8Array or a string, got ${value === null ? "null" : typeof value}`);
}

// A copy: a Node Buffer's own slice() would give a view.
function copy(bytes: Uint8Array, begin: number, end?: number): Uint8Array {
  return Uint8Array.prototype.slice.call(bytes, begin, end);
}

// bytes.isspace(): space, \t, \n, \v, \f, \r.
function isSpace(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

/**
 * True if `a` and `b` hold the same bytes (Python's `a == b` on bytes; JavaScript's `===`
 * on two arrays compares identity). A string is compared as its UTF-8 bytes.
 *
 * @example
 * const data = new TextEncoder().encode("PING");
 * console.assert(asyncio.bytes.equal(data, "PING") && !asyncio.bytes.equal(data, "PONG"));
 * console.assert(asyncio.bytes.equal(new Uint8Array([1, 2]), new Uint8Array([1, 2])));
 *
 * @throws TypeError if either is neither a Uint8Array nor a string.
 */
export function equal(a: BytesLike, b: BytesLike): boolean {
  const x = asBytes(a, "equal() first argument");
  const y = asBytes(b, "equal() second argument");
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * The index of the first `sub` in `data` at or after `start`, or -1 (Python's
 * `data.find(sub, start)`).
 *
 * @example
 * const frame = new TextEncoder().encode("LEN 5\r\nhello");
 * console.assert(asyncio.bytes.find(frame, "\r\n") === 5 && asyncio.bytes.find(frame, "\n\n") === -1);
 *
 * @throws TypeError if `data` or `sub` is neither a Uint8Array nor a string.
 */
export function find(data: BytesLike, sub: BytesLike, start = 0): number {
  const haystack = asBytes(data, "find() data");
  const needle = asBytes(sub, "find() sub");
  if (start < 0) start = Math.max(0, haystack.length + start);
  if (needle.length === 0) return start <= haystack.length ? start : -1;
  const first = needle[0]!;
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first, start); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

/**
 * `data` cut at each `sep` (Python's `data.split(sep, maxsplit)`): at most `maxsplit`
 * cuts (all when negative); without `sep` (undefined or null), at runs of ASCII
 * whitespace, leading whitespace dropped and no empty part, as Python's `split()`.
 *
 * @example
 * const decode = (parts: Uint8Array[]) => parts.map((p) => new TextDecoder().decode(p));
 * const line = new TextEncoder().encode("GET /index.html HTTP/1.1");
 * console.assert(decode(asyncio.bytes.split(line, " ")).join("|") === "GET|/index.html|HTTP/1.1");
 * console.assert(decode(asyncio.bytes.split(line, " ", 1)).join("|") === "GET|/index.html HTTP/1.1");
 * console.assert(decode(asyncio.bytes.split(new TextEncoder().encode("  a \t b\n"))).join("|") === "a|b");
 *
 * @throws TypeError if `data` or `sep` is neither a Uint8Array nor a string; RangeError
 * (Python's ValueError) for an empty separator.
 */
export function split(data: BytesLike, sep?: BytesLike | null, maxsplit = -1): Uint8Array[] {
  const bytes = asBytes(data, "split() data");
  const parts: Uint8Array[] = [];
  if (sep === undefined || sep === null) {
    let i = 0;
    for (;;) {
      while (i < bytes.length && isSpace(bytes[i]!)) i++;
      if (i === bytes.length) return parts;
      if (maxsplit >= 0 && parts.length === maxsplit) {
        parts.push(copy(bytes, i)); // the rest as it is, trailing whitespace included
        return parts;
      }
      const begin = i;
      while (i < bytes.length && !isSpace(bytes[i]!)) i++;
      parts.push(copy(bytes, begin, i));
    }
  }
  const separator = asBytes(sep, "split() sep");
  if (separator.length === 0) throw new RangeError("empty separator");
  let begin = 0;
  for (let at = find(bytes, separator); at !== -1 && (maxsplit < 0 || parts.length < maxsplit); at = find(bytes, separator, begin)) {
    parts.push(copy(bytes, begin, at));
    begin = at + separator.length;
  }
  parts.push(copy(bytes, begin));
  return parts;
}

function stripRange(data: BytesLike, chars: BytesLike | null | undefined, what: string, left: boolean, right: boolean): Uint8Array {
  const bytes = asBytes(data, `${what} data`);
  const set = chars === undefined || chars === null ? undefined : asBytes(chars, `${what} chars`);
  const strips = set === undefined ? isSpace : (byte: number) => set.includes(byte);
  let begin = 0;
  let end = bytes.length;
  if (left) while (begin < end && strips(bytes[begin]!)) begin++;
  if (right) while (end > begin && strips(bytes[end - 1]!)) end--;
  return copy(bytes, begin, end);
}

/**
 * `data` without the bytes in `chars` at either end (Python's `data.strip(chars)`);
 * without `chars`, ASCII whitespace. `chars` is a set of bytes, not a suffix.
 *
 * @example
 * const line = new TextEncoder().encode("  hello\r\n");
 * console.assert(new TextDecoder().decode(asyncio.bytes.strip(line)) === "hello");
 *
 * @throws TypeError if `data` or `chars` is neither a Uint8Array nor a string.
 */
export function strip(data: BytesLike, chars?: BytesLike | null): Uint8Array {
  return stripRange(data, chars, "strip()", true, true);
}

/**
 * `data` without the bytes in `chars` at its start (Python's `data.lstrip(chars)`);
 * without `chars`, ASCII whitespace.
 *
 * @example
 * console.assert(asyncio.bytes.lstrip(new Uint8Array([0, 0, 7, 0]), new Uint8Array([0])).length === 2);
 *
 * @throws TypeError if `data` or `chars` is neither a Uint8Array nor a string.
 */
export function lstrip(data: BytesLike, chars?: BytesLike | null): Uint8Array {
  return stripRange(data, chars, "lstrip()", true, false);
}

/**
 * `data` without the bytes in `chars` at its end (Python's `data.rstrip(chars)`, as in
 * `line.rstrip(b"\n")`); without `chars`, ASCII whitespace.
 *
 * @example
 * const line = new TextEncoder().encode("PING\r\n");
 * console.assert(asyncio.bytes.equal(asyncio.bytes.rstrip(line, "\r\n"), "PING"));
 * console.assert(asyncio.bytes.rstrip(line, "\n").length === 5);
 *
 * @throws TypeError if `data` or `chars` is neither a Uint8Array nor a string.
 */
export function rstrip(data: BytesLike, chars?: BytesLike | null): Uint8Array {
  return stripRange(data, chars, "rstrip()", false, true);
}

/**
 * The parts one after the other, `sep` between them (Python's `sep.join(parts)`, and
 * `b"".join(chunks)` without `sep`).
 *
 * @example
 * const chunks = [new Uint8Array([1, 2]), new Uint8Array([3])];
 * console.assert(asyncio.bytes.equal(asyncio.bytes.join(chunks), new Uint8Array([1, 2, 3])));
 * console.assert(asyncio.bytes.equal(asyncio.bytes.join(["a", "b"], ", "), "a, b"));
 *
 * @throws TypeError if a part or `sep` is neither a Uint8Array nor a string.
 */
export function join(parts: Iterable<BytesLike>, sep: BytesLike = ""): Uint8Array {
  const separator = asBytes(sep, "join() sep");
  const list = Array.from(parts, (part, i) => asBytes(part, `join() part ${i}`));
  let total = separator.length * Math.max(0, list.length - 1);
  for (const part of list) total += part.length;
  const out = new Uint8Array(total);
  let at = 0;
  list.forEach((part, i) => {
    if (i > 0) {
      out.set(separator, at);
      at += separator.length;
    }
    out.set(part, at);
    at += part.length;
  });
  return out;
}
