/**
 * The porting traps of issue 18 that the library takes away: `except Exception`
 * (isException), `except*` on a plain error (exceptStar), `this` in an `async with` body
 * (asyncWith's thisArg), keyword arguments of constructors (options objects), bytes.
 */
import * as asyncio from "asyncio-ts";
import { describe, expect, test } from "vitest";

const virtual = () => ({ clock: new asyncio.VirtualClock() });

describe("isException: what `except Exception` catches", () => {
  test("false for CancelledError and KeyboardInterrupt, true for other errors and non-errors", () => {
    expect(asyncio.isException(new asyncio.CancelledError())).toBe(false);
    expect(asyncio.isException(new asyncio.KeyboardInterrupt())).toBe(false);
    for (const e of [new Error("x"), new RangeError("x"), new asyncio.TimeoutError(), new asyncio.RuntimeError(), "text", 42, undefined]) {
      expect(asyncio.isException(e)).toBe(true);
    }
  });

  test("a group is an Exception only if none of its members, at any depth, is a cancellation", () => {
    const plain = new asyncio.ExceptionGroup("g", [new RangeError("a"), new asyncio.ExceptionGroup("h", [new TypeError("b")])]);
    expect(asyncio.isException(plain)).toBe(true);
    const deep = new asyncio.ExceptionGroup("g", [new RangeError("a"), new asyncio.ExceptionGroup("h", [new asyncio.CancelledError()])]);
    expect(asyncio.isException(deep)).toBe(false);
    const cyclic = new asyncio.ExceptionGroup("c", [new RangeError("a")]);
    cyclic.exceptions.push(cyclic);
    expect(asyncio.isException(cyclic)).toBe(true);
  });

  test("a retry loop written with it stays cancellable", () => {
    const [cancelled, caught] = asyncio.runSync(
      (function* () {
        let caught = 0;
        const task = asyncio.createTask(
          (function* () {
            for (;;) {
              try {
                yield* asyncio.sleep(1);
                throw new Error("flaky");
              } catch (e) {
                if (!asyncio.isException(e)) throw e;
                caught++;
              }
            }
          })(),
        );
        yield* asyncio.sleep(3.5);
        task.cancel();
        yield* asyncio.wait([task]);
        return [task.cancelled(), caught] as const;
      })(),
      virtual(),
    );
    expect(cancelled).toBe(true);
    expect(caught).toBe(3);
  });
});

describe("exceptStar: `except*` on whatever was caught", () => {
  test("wraps a matching plain error in a group with an empty message", () => {
    const error = new RangeError("v");
    const [eg, rest] = asyncio.exceptStar(error, RangeError);
    expect(eg).toBeInstanceOf(asyncio.ExceptionGroup);
    expect(eg!.message).toBe("");
    expect(eg!.exceptions).toEqual([error]);
    expect(eg!.exceptions[0]).toBe(error);
    expect(rest).toBeUndefined();
  });

  test("leaves a plain error that does not match as it is, to be rethrown unchanged", () => {
    const error = new TypeError("t");
    expect(asyncio.exceptStar(error, RangeError)).toEqual([undefined, error]);
    expect(asyncio.exceptStar(error, RangeError)[1]).toBe(error);
  });

  test("splits a group, and chains: undefined in gives undefined out", () => {
    const group = new asyncio.ExceptionGroup("g", [new RangeError("1"), new TypeError("2"), new asyncio.RuntimeError("3")]);
    let [eg, rest] = asyncio.exceptStar(group, RangeError);
    expect(eg!.exceptions.map((e) => (e as Error).message)).toEqual(["1"]);
    [eg, rest] = asyncio.exceptStar(rest, [TypeError, asyncio.RuntimeError]);
    expect(eg!.message).toBe("g");
    expect(eg!.exceptions.map((e) => (e as Error).message)).toEqual(["2", "3"]);
    expect(rest).toBeUndefined();
    expect(asyncio.exceptStar(rest, RangeError)).toEqual([undefined, undefined]);
  });

  test("takes a predicate, asked about a plain error itself", () => {
    const [eg, rest] = asyncio.exceptStar(new Error("boom"), (e) => (e as Error).message === "boom");
    expect(eg!.exceptions.length).toBe(1);
    expect(rest).toBeUndefined();
  });

  test("refuses ExceptionGroup as the condition, as Python's except* does", () => {
    const message = "catching ExceptionGroup with except* is not allowed. Use except instead.";
    expect(() => asyncio.exceptStar(new RangeError(), asyncio.ExceptionGroup)).toThrow(new TypeError(message));
    expect(() => asyncio.exceptStar(new RangeError(), [RangeError, asyncio.ExceptionGroup])).toThrow(new TypeError(message));
    expect(() => asyncio.exceptStar(new RangeError(), "RangeError" as never)).toThrow(TypeError);
  });
});

describe("asyncWith's thisArg: `async with self._lock:` in a method", () => {
  class Account {
    lock = new asyncio.Lock();
    balance = 0;
    log: string[] = [];

    *deposit(amount: number) {
      yield* asyncio.asyncWith(
        this.lock,
        function* () {
          const before = this.balance;
          yield* asyncio.sleep(0.01);
          this.balance = before + amount;
          this.log.push(`+${amount}`);
        },
        this,
      );
    }
  }

  test("the body runs with the object as `this`, typed from it", () => {
    const account = new Account();
    asyncio.runSync(
      (function* () {
        yield* asyncio.gather(account.deposit(10), account.deposit(5));
      })(),
      virtual(),
    );
    expect(account.balance).toBe(15);
    expect(account.log).toEqual(["+10", "+5"]);
  });

  test("the body's value and the manager's value still come through", () => {
    const cm = {
      *aenter() {
        return 2;
      },
      *aexit() {
        return false;
      },
    };
    const target = { factor: 21 };
    const result = asyncio.runSync(
      asyncio.asyncWith(
        cm,
        function* (value) {
          return this.factor * value;
        },
        target,
      ),
    );
    expect(result).toBe(42);
  });

  test("without a thisArg the body's `this` is undefined, as before", () => {
    let seen: unknown = "unset";
    asyncio.runSync(
      asyncio.asyncWith(new asyncio.Lock(), function* (this: unknown) {
        seen = this;
      }),
    );
    expect(seen).toBeUndefined();
  });

  test("a body that declares a `this` type takes a thisArg of that type only (typing)", () => {
    function* needsTarget(this: { n: number }) {
      return this.n;
    }
    const lock = new asyncio.Lock();
    // @ts-expect-error a thisArg of the wrong type.
    void asyncio.asyncWith(lock, needsTarget, { m: 1 });
    expect(asyncio.runSync(asyncio.asyncWith(lock, needsTarget, { n: 3 }))).toBe(3);
  });
});

describe("keyword arguments of constructors as an options object", () => {
  test("Queue, PriorityQueue and LifoQueue take { maxsize } as well as a number", () => {
    expect(new asyncio.Queue({ maxsize: 2 }).maxsize).toBe(2);
    expect(new asyncio.Queue(3).maxsize).toBe(3);
    expect(new asyncio.Queue({}).maxsize).toBe(0);
    expect(new asyncio.PriorityQueue({ maxsize: 4 }).maxsize).toBe(4);
    expect(new asyncio.LifoQueue({ maxsize: 5 }).maxsize).toBe(5);
    const queue = new asyncio.Queue<number>({ maxsize: 1 });
    queue.putNowait(1);
    expect(queue.full()).toBe(true);
    expect(() => queue.putNowait(2)).toThrow(asyncio.QueueFull);
  });

  test("Semaphore and BoundedSemaphore take { value }, Barrier { parties }, Condition { lock }", () => {
    const sem = new asyncio.Semaphore({ value: 2 });
    expect(String(sem)).toBe("<Semaphore [unlocked, value:2]>");
    expect(String(new asyncio.Semaphore({}))).toBe("<Semaphore [unlocked, value:1]>");
    const bounded = new asyncio.BoundedSemaphore({ value: 1 });
    expect(() => bounded.release()).toThrow(new RangeError("BoundedSemaphore released too many times"));
    expect(new asyncio.Barrier({ parties: 3 }).parties).toBe(3);
    const lock = new asyncio.Lock();
    const cond = new asyncio.Condition({ lock });
    asyncio.runSync(
      (function* () {
        yield* lock.acquire();
        expect(cond.locked()).toBe(true);
        lock.release();
      })(),
    );
  });

  test("a bad value in the options object gets the positional form's error", () => {
    expect(() => new asyncio.Queue({ maxsize: "2" } as never)).toThrow(new TypeError("Queue maxsize must be a number, got '2'"));
    expect(() => new asyncio.PriorityQueue({ maxsize: "2" } as never)).toThrow(new TypeError("PriorityQueue maxsize must be a number, got '2'"));
    expect(() => new asyncio.Semaphore({ value: "2" } as never)).toThrow(new TypeError("Semaphore value must be a number, got '2'"));
    expect(() => new asyncio.Semaphore({ value: -1 })).toThrow(new RangeError("Semaphore initial value must be >= 0"));
    expect(() => new asyncio.Barrier({} as never)).toThrow(new TypeError("Barrier parties must be a number, got undefined"));
    expect(() => new asyncio.Barrier({ parties: 0 })).toThrow(new RangeError("parties must be > 0"));
    expect(() => new asyncio.Condition({ lock: "x" } as never)).toThrow(new TypeError("Condition() needs a Lock, got 'x'"));
  });

  test("an unknown key is a TypeError naming it and the keys taken", () => {
    expect(() => new asyncio.Queue({ maxsise: 2 } as never)).toThrow(
      new TypeError("Queue() got an unexpected keyword argument 'maxsise'; it takes { maxsize }"),
    );
    expect(() => new asyncio.BoundedSemaphore({ valu: 2 } as never)).toThrow(
      new TypeError("BoundedSemaphore() got an unexpected keyword argument 'valu'; it takes { value }"),
    );
    expect(() => new asyncio.Barrier({ parties: 2, n: 1 } as never)).toThrow(
      new TypeError("Barrier() got an unexpected keyword argument 'n'; it takes { parties }"),
    );
    expect(() => new asyncio.Condition({ lok: new asyncio.Lock() } as never)).toThrow(
      new TypeError("Condition() got an unexpected keyword argument 'lok'; it takes { lock }"),
    );
  });

  test("StreamReader takes { limit, loop } as well as (limit, loop)", () => {
    expect(new asyncio.StreamReader({ limit: 8 }).limit).toBe(8);
    expect(new asyncio.StreamReader({}).limit).toBe(2 ** 16);
    expect(new asyncio.StreamReader(16).limit).toBe(16);
    const loop = asyncio.newEventLoop();
    try {
      const reader = new asyncio.StreamReader({ limit: 8, loop });
      expect(reader._loop).toBe(loop);
    } finally {
      loop.close();
    }
    expect(() => new asyncio.StreamReader({ limt: 8 } as never)).toThrow(
      new TypeError("StreamReader() got an unexpected keyword argument 'limt'; it takes { limit, loop }"),
    );
    expect(() => new asyncio.StreamReader({ limit: 0 })).toThrow(new RangeError("Limit cannot be <= 0, got 0"));
    const message = asyncio.runSync(
      (function* () {
        const reader = new asyncio.StreamReader({ limit: 8 });
        reader.feedData("0123456789\n");
        try {
          yield* reader.readline();
          return "read";
        } catch (e) {
          return (e as Error).message;
        }
      })(),
    );
    expect(message).toBe("Separator is found, but chunk is longer than limit");
  });

  test("an array is not an options object: it stays a bad positional value", () => {
    expect(() => new asyncio.Queue([2] as never)).toThrow(new TypeError("Queue maxsize must be a number, got an array of length 1"));
  });

  test("the types take both forms and refuse a string or an unknown key (typing)", () => {
    const ok: asyncio.Queue<number>[] = [new asyncio.Queue<number>(2), new asyncio.Queue<number>({ maxsize: 2 })];
    // @ts-expect-error a string maxsize.
    expect(() => new asyncio.Queue({ maxsize: "2" })).toThrow(TypeError);
    // @ts-expect-error an unknown key.
    expect(() => new asyncio.Semaphore({ valu: 2 })).toThrow(TypeError);
    expect(ok.length).toBe(2);
  });
});

describe("asyncio.bytes: Python's bytes methods on Uint8Array", () => {
  const b = (s: string) => new TextEncoder().encode(s);

  test("results are copies, never views of the argument (Python's bytes are values)", () => {
    const data = b("ab cd");
    const [first] = asyncio.bytes.split(data, " ");
    first![0] = 0x7a;
    expect(data[0]).toBe(0x61);
    const stripped = asyncio.bytes.strip(b(" x "));
    expect(stripped.byteLength).toBe(stripped.buffer.byteLength);
  });

  test("a Node Buffer is bytes too, and what comes back is still a copy", () => {
    const buffer = Buffer.from("PING\r\n");
    const line = asyncio.bytes.rstrip(buffer, "\r\n");
    expect(asyncio.bytes.equal(line, "PING")).toBe(true);
    line[0] = 0;
    expect(buffer.toString()).toBe("PING\r\n");
  });

  test("errors read like Python's: an empty separator, and what is not bytes", () => {
    expect(() => asyncio.bytes.split(b("a"), "")).toThrow(new RangeError("empty separator"));
    expect(() => asyncio.bytes.split(b("a"), 1 as never)).toThrow(new TypeError("split() sep must be a Uint8Array or a string, got number"));
    expect(() => asyncio.bytes.equal(null as never, "")).toThrow(new TypeError("equal() first argument must be a Uint8Array or a string, got null"));
    expect(() => asyncio.bytes.join([b("a"), 2 as never])).toThrow(new TypeError("join() part 1 must be a Uint8Array or a string, got number"));
  });

  test("strip takes a set of bytes, not a suffix; an empty set strips nothing", () => {
    expect(new TextDecoder().decode(asyncio.bytes.rstrip(b("line\n\r\n"), "\n\r"))).toBe("line");
    expect(new TextDecoder().decode(asyncio.bytes.strip(b(" x "), ""))).toBe(" x ");
    expect(new TextDecoder().decode(asyncio.bytes.lstrip(b("\t\v\f x")))).toBe("x");
  });

  test("join of nothing is empty; a string is its UTF-8 bytes", () => {
    expect(asyncio.bytes.join([]).length).toBe(0);
    expect([...asyncio.bytes.join(["é"])]).toEqual([0xc3, 0xa9]);
  });
});
