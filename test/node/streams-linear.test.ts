/**
 * StreamReader's reads cost time linear in what they read: a long line fed in small
 * chunks is searched and copied a bounded number of times per byte, not once per
 * chunk. Measured by counting the bytes that `indexOf` scans and that `set`, `slice`
 * and `copyWithin` copy while a read runs (no clock involved), at two sizes; and the
 * edges of those reads (separators split across chunks, limits overrun in the middle
 * of a long line, reads across many chunks), with the buffer left as CPython leaves it.
 */
import * as asyncio from "asyncio-ts";
import { describe, expect, test } from "vitest";

const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const CHUNK = 4096;
const X = 120; // "x"

/** Work done by Uint8Array methods while `run` runs: bytes scanned by indexOf, bytes copied. */
function countWork<T>(run: () => T): { result: T; scanned: number; copied: number } {
  const proto = Uint8Array.prototype as unknown as Record<string, unknown>;
  const inherited = Object.getPrototypeOf(Uint8Array.prototype) as Uint8Array;
  const { indexOf, slice, copyWithin } = inherited;
  const set = inherited.set as (this: Uint8Array, source: ArrayLike<number>, offset?: number) => void;
  let scanned = 0;
  let copied = 0;
  const counting = {
    indexOf(this: Uint8Array, value: number, from = 0): number {
      const at = indexOf.call(this, value, from);
      scanned += (at === -1 ? this.length : at + 1) - from;
      return at;
    },
    set(this: Uint8Array, source: ArrayLike<number>, offset?: number): void {
      copied += source.length;
      set.call(this, source, offset);
    },
    slice(this: Uint8Array, start?: number, end?: number): Uint8Array {
      const out = slice.call(this, start, end);
      copied += out.length;
      return out;
    },
    copyWithin(this: Uint8Array, target: number, start: number, end = this.length): Uint8Array {
      copied += Math.max(0, end - start);
      return copyWithin.call(this, target, start, end);
    },
  };
  for (const [name, fn] of Object.entries(counting)) Object.defineProperty(proto, name, { value: fn, configurable: true, writable: true });
  try {
    return { result: run(), scanned, copied };
  } finally {
    for (const name of Object.keys(counting)) delete proto[name];
  }
}

/** Feeds `pieces` to `reader`, yielding after each, then end of file if `eof`. */
function* feed(reader: asyncio.StreamReader, pieces: Iterable<Uint8Array | string>, eof = false) {
  for (const piece of pieces) {
    reader.feedData(piece);
    yield;
  }
  if (eof) reader.feedEof();
}

/** The error of class `type` that `read` throws; anything else fails the test. */
function* errorOf<E extends Error>(read: asyncio.Coroutine<unknown>, type: abstract new (...args: never[]) => E): asyncio.Coroutine<E> {
  try {
    yield* read;
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected ${type.name}, but the read returned`);
}

function* repeat<T>(item: T, times: number) {
  for (let i = 0; i < times; i++) yield item;
}

/** `n` chunks of CHUNK bytes whose bytes count up (mod 256) across the chunks. */
function countingChunks(n: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let c = 0; c < n; c++) {
    const chunk = new Uint8Array(CHUNK);
    for (let i = 0; i < CHUNK; i++) chunk[i] = (c * CHUNK + i) & 255;
    chunks.push(chunk);
  }
  return chunks;
}

function isCounting(data: Uint8Array, length: number): boolean {
  if (data.length !== length) return false;
  for (let i = 0; i < length; i++) if (data[i] !== (i & 255)) return false;
  return true;
}

/** Runs `read` on a reader while a task feeds it `pieces` (then end of file if `eof`). */
function readWhileFed<T>(limit: number, pieces: Iterable<Uint8Array | string>, read: (reader: asyncio.StreamReader) => asyncio.Coroutine<T>, eof = false): T {
  return asyncio.runSync(
    (function* () {
      const reader = new asyncio.StreamReader(limit);
      const feeder = asyncio.createTask(feed(reader, pieces, eof));
      const result = yield* read(reader);
      yield* feeder;
      return result;
    })(),
  );
}

describe("the work of a read is linear in the bytes read", () => {
  const chunk = new Uint8Array(CHUNK).fill(X);
  // 1 MiB and 4 MiB lines, each fed 4 KiB at a time.
  const sizes = [256, 1024];

  test("readline of a long line fed in 4 KiB chunks scans and copies each byte a bounded number of times", () => {
    for (const chunks of sizes) {
      const n = chunks * CHUNK;
      const { result, scanned, copied } = countWork(() => readWhileFed(2 * n, [...repeat(chunk, chunks), "\n"], (r) => r.readline()));
      expect(result.length).toBe(n + 1);
      expect(result[n]).toBe(10);
      // Each byte is searched once; copied into the buffer, maybe once more when it
      // grows, and once into the line.
      expect(scanned / n).toBeLessThan(1.5);
      expect(copied / n).toBeLessThan(4);
    }
  });

  test("nextLine and lines() of a long line are linear too", () => {
    for (const chunks of sizes) {
      const n = chunks * CHUNK;
      const { result, scanned, copied } = countWork(() =>
        readWhileFed(
          2 * n,
          [...repeat(chunk, chunks), "\nshort\n"],
          function* (reader) {
            const lengths: number[] = [];
            for (const next of reader.lines()) {
              const line = yield* next;
              if (line === undefined) break;
              lengths.push(line.length);
            }
            return lengths;
          },
          true,
        ),
      );
      expect(result).toEqual([n + 1, 6]);
      expect(scanned / n).toBeLessThan(1.5);
      expect(copied / n).toBeLessThan(4);
    }
  });

  test("readuntil with a multi-byte separator, or several, over a long chunk is linear", () => {
    for (const chunks of sizes) {
      const n = chunks * CHUNK;
      for (const separator of ["\r\n", ["\n\n", "\r\n"]]) {
        const { result, scanned, copied } = countWork(() => readWhileFed(2 * n, [...repeat(chunk, chunks), "\r", "\n"], (r) => r.readuntil(separator)));
        expect(result.length).toBe(n + 2);
        // Each separator searches every byte once, give or take its length.
        const separators = typeof separator === "string" ? 1 : separator.length;
        expect(scanned / n).toBeLessThan(1.5 * separators);
        expect(copied / n).toBeLessThan(4);
      }
    }
  });

  test("readexactly, read(n) and read(-1) across many chunks copy each byte a bounded number of times", () => {
    for (const chunks of sizes) {
      const n = chunks * CHUNK;
      const pieces = countingChunks(chunks);
      const exactly = countWork(() => readWhileFed(64, pieces, (r) => r.readexactly(n)));
      expect(isCounting(exactly.result, n)).toBe(true);
      expect(exactly.copied / n).toBeLessThan(4);
      const all = countWork(() => readWhileFed(CHUNK, pieces, (r) => r.read(), true));
      expect(isCounting(all.result, n)).toBe(true);
      expect(all.copied / n).toBeLessThan(4);
      const upTo = countWork(() =>
        readWhileFed(
          CHUNK,
          pieces,
          function* (reader) {
            const parts: Uint8Array[] = [];
            for (;;) {
              const part = yield* reader.read(3 * CHUNK);
              if (part.length === 0) return Buffer.concat(parts);
              parts.push(part);
            }
          },
          true,
        ),
      );
      expect(isCounting(new Uint8Array(upTo.result), n)).toBe(true);
      expect(upTo.copied / n).toBeLessThan(4);
    }
  });

  test("feedData of many chunks with nobody reading copies each byte a bounded number of times", () => {
    for (const chunks of sizes) {
      const n = chunks * CHUNK;
      const reader = new asyncio.StreamReader();
      const { copied } = countWork(() => {
        for (let i = 0; i < chunks; i++) reader.feedData(chunk);
      });
      expect(reader.buffered).toBe(n);
      expect(copied / n).toBeLessThan(3);
    }
  });

  test("many short lines in one large buffer are each searched once", () => {
    const line = "y".repeat(63) + "\n";
    const count = 16384;
    const { result, scanned } = countWork(() =>
      readWhileFed(
        64,
        [line.repeat(count)],
        function* (reader) {
          let lines = 0;
          while ((yield* reader.nextLine()) !== undefined) lines++;
          return lines;
        },
        true,
      ),
    );
    expect(result).toBe(count);
    expect(scanned / (count * 64)).toBeLessThan(1.5);
  });
});

describe("reads across chunks behave as CPython's", () => {
  test("a separator split across chunks after a long run of chunks", () => {
    const chunk = new Uint8Array(CHUNK).fill(X);
    const [head, rest] = readWhileFed(1 << 20, [...repeat(chunk, 10), "ab\r", "\n\r", "\nbody"], function* (reader) {
      const head = yield* reader.readuntil("\r\n\r\n");
      return [head, reader.buffered] as const;
    });
    expect(head.length).toBe(10 * CHUNK + 6);
    expect(dec(head.subarray(10 * CHUNK))).toBe("ab\r\n\r\n");
    expect(rest).toBe(4);
  });

  test("readuntil with several multi-byte separators split across chunks takes the earliest end", () => {
    const got = readWhileFed(1 << 20, ["xx\r", "\nyy", "\n", "\n"], function* (reader) {
      const first = dec(yield* reader.readuntil(["\n\n", "\r\n"]));
      const second = dec(yield* reader.readuntil(["\n\n", "\r\n"]));
      return [first, second];
    });
    expect(got).toEqual(["xx\r\n", "yy\n\n"]);
  });

  test("readline past the limit in the middle of a long line clears the buffer; the rest of the line comes next", () => {
    // CPython: ValueError once 20 KiB wait without a newline, the buffer cleared; then
    // the line's last 4 KiB and its newline, then the next line.
    const chunk = new Uint8Array(CHUNK).fill(X);
    const got = readWhileFed(16384, [...repeat(chunk, 6), "\n", "next\n"], function* (reader) {
      const error = yield* errorOf(reader.readline(), RangeError);
      const left = reader.buffered;
      return [error.message, left, (yield* reader.readline()).length, (yield* reader.readline()).length];
    });
    expect(got).toEqual(["Separator is not found, and chunk exceed the limit", 0, 4097, 5]);
  });

  test("readline that finds the newline past the limit removes the line with it and keeps the next", () => {
    const chunk = new Uint8Array(CHUNK).fill(X);
    const got = readWhileFed(16384, [...repeat(chunk, 4), `${"x".repeat(100)}\nnext\n`], function* (reader) {
      const error = yield* errorOf(reader.readline(), RangeError);
      return [error.message, reader.buffered, dec(yield* reader.readline())];
    });
    expect(got).toEqual(["Separator is found, but chunk is longer than limit", 5, "next\n"]);
  });

  test("readuntil past the limit in the middle of a long chunk leaves the data, with consumed as CPython's", () => {
    const chunk = new Uint8Array(CHUNK).fill(X);
    const got = asyncio.runSync(
      (function* () {
        const reader = new asyncio.StreamReader(16384);
        const feeder = asyncio.createTask(feed(reader, [...repeat(chunk, 6), "\r\n"]));
        const first = yield* errorOf(reader.readuntil("\r\n"), asyncio.LimitOverrunError);
        const out = [first.message, first.consumed, reader.buffered];
        // Then the separator arrives, past the limit.
        yield* feeder;
        const second = yield* errorOf(reader.readuntil("\r\n"), asyncio.LimitOverrunError);
        return [...out, second.message, second.consumed, reader.buffered];
      })(),
    );
    expect(got).toEqual([
      "Separator is not found, and chunk exceed the limit",
      20479,
      20480,
      "Separator is found, but chunk is longer than limit",
      24576,
      24578,
    ]);
  });

  test("readexactly across many chunks, and at end of file with the rest in partial", () => {
    const pieces = countingChunks(64);
    const got = readWhileFed(
      64,
      pieces,
      function* (reader) {
        const first = yield* reader.readexactly(40 * CHUNK + 7);
        const error = yield* errorOf(reader.readexactly(24 * CHUNK), asyncio.IncompleteReadError);
        return [first, error.partial, error.expected, reader.atEof()] as const;
      },
      true,
    );
    const [first, partial, expected, atEof] = got;
    expect(isCounting(first, 40 * CHUNK + 7)).toBe(true);
    expect(partial.length).toBe(24 * CHUNK - 7);
    expect(partial[0]).toBe((40 * CHUNK + 7) & 255);
    expect(expected).toBe(24 * CHUNK);
    expect(atEof).toBe(true);
  });

  test("read(-1) of many chunks gives them all, in order, after a partial read", () => {
    const pieces = countingChunks(64);
    const got = readWhileFed(
      1000,
      pieces,
      function* (reader) {
        const head = yield* reader.read(10);
        const rest = yield* reader.read(-1);
        return [head, rest, yield* reader.read(-1)] as const;
      },
      true,
    );
    const [head, rest, after] = got;
    expect(isCounting(head, 10)).toBe(true);
    expect(rest.length).toBe(64 * CHUNK - 10);
    expect(rest.every((b, i) => b === ((i + 10) & 255))).toBe(true);
    expect(after.length).toBe(0);
  });
});
