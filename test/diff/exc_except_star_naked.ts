import * as asyncio from "asyncio-ts";
import { excName, print, repr } from "./_py";

function* work(exc: unknown) {
  yield* asyncio.sleep(0.01);
  if (exc !== undefined) {
    throw exc;
  }
}

const messages = (eg: asyncio.ExceptionGroup) => eg.exceptions.map((e) => (e as Error).message);

function* handle(exc: unknown) {
  let failed = true;
  try {
    yield* work(exc);
    failed = false;
  } catch (error) {
    let [eg, rest] = asyncio.exceptStar(error, RangeError);
    if (eg) {
      print("  except* ValueError:", repr(eg.message), messages(eg));
    }
    [eg, rest] = asyncio.exceptStar(rest, TypeError);
    if (eg) {
      print("  except* TypeError:", repr(eg.message), messages(eg));
    }
    if (rest !== undefined) throw rest;
  }
  if (!failed) {
    print("  else: no error");
  }
  print("  after the try");
}

function* fail(kind: new (message: string) => Error, message: string) {
  yield* asyncio.sleep(0.01);
  throw new kind(message);
}

function* main() {
  const lookupError = new asyncio.LookupError("k");
  const cases: [string, unknown][] = [
    ["nothing", undefined],
    ["a plain ValueError", new RangeError("plain v")],
    ["a plain TypeError", new TypeError("plain t")],
    ["a plain LookupError", lookupError],
    ["a group of both", new asyncio.ExceptionGroup("mixed", [new RangeError("a"), new TypeError("b"), new RangeError("c")])],
    ["a group with a rest", new asyncio.ExceptionGroup("with rest", [new RangeError("d"), new asyncio.RuntimeError("e")])],
  ];
  for (const [label, exc] of cases) {
    print("raising", label);
    try {
      yield* handle(exc);
    } catch (e) {
      if (!asyncio.isException(e)) throw e;
      const rest = e instanceof asyncio.ExceptionGroup ? messages(e) : undefined;
      print("  went on:", excName(e), e === lookupError, rest);
    }
  }
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(fail(RangeError, "task v"));
      tg.createTask(fail(TypeError, "task t"));
    });
  } catch (error) {
    let [eg, rest] = asyncio.exceptStar(error, RangeError);
    if (eg) {
      print("TaskGroup ValueErrors:", messages(eg));
    }
    [eg, rest] = asyncio.exceptStar(rest, TypeError);
    if (eg) {
      print("TaskGroup TypeErrors:", messages(eg));
    }
    if (rest !== undefined) throw rest;
  }
  try {
    try {
      yield* fail(asyncio.RuntimeError, "not matched");
    } catch (error) {
      const [eg, rest] = asyncio.exceptStar(error, RangeError);
      if (eg) {
        print("never");
      }
      if (rest !== undefined) throw rest;
    }
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("a plain error nobody matched is re-raised as it is:", excName(e), e.message);
  }
}

asyncio.run(main());
