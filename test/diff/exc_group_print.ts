import { inspect } from "node:util";
import * as asyncio from "asyncio-ts";

// What Node prints for a group (util.inspect, as console.log and console.error do),
// without the frames: the boxes, numbers, cuts and chains must be Python's.
const FRAME = /^(?: *\| )?    at /;

function show(exc: unknown): void {
  for (const line of inspect(exc).split("\n")) if (!FRAME.test(line)) console.log(line);
}

class MyError extends Error {
  override name = "MyError";
}

function* fail(exc: Error): asyncio.Coroutine<never> {
  throw exc;
}

function* failWhenCancelled(exc: Error): asyncio.Coroutine<never> {
  try {
    yield* asyncio.sleep(1);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) throw exc;
    throw e;
  }
  throw new asyncio.RuntimeError("not cancelled");
}

function* nested() {
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    tg.createTask(fail(new TypeError("inner one")));
    tg.createTask(fail(new MyError("inner two")));
  });
}

function* main() {
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(failWhenCancelled(new TypeError("cleanup failed")));
      tg.createTask(failWhenCancelled(new MyError("mine")));
      tg.createTask(nested());
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    show(eg);
  }

  console.log("-- nested in the middle and at the end");
  show(
    new asyncio.ExceptionGroup("outer", [
      new TypeError("a"),
      new asyncio.ExceptionGroup("middle", [new MyError("b")]),
      new asyncio.RuntimeError("c"),
      new asyncio.ExceptionGroup("last", [new asyncio.ExceptionGroup("deeper", [new TypeError("d"), new TypeError("e")])]),
    ]),
  );

  console.log("-- wide");
  show(new asyncio.ExceptionGroup("wide", Array.from({ length: 17 }, (_, i) => new MyError(`e${i + 1}`))));

  console.log("-- deep");
  let group: unknown = new TypeError("bottom");
  for (let level = 11; level >= 0; level--) group = new asyncio.ExceptionGroup(`level ${level}`, [group]);
  show(group);

  console.log("-- causes");
  const outer = new asyncio.RuntimeError("outer", { cause: new TypeError("inner", { cause: new MyError("root") }) });
  show(new asyncio.ExceptionGroup("chained", [outer, new MyError("plain")]));
  const shared = new MyError("shared cause");
  const [first, second] = [new TypeError("first", { cause: shared }), new TypeError("second", { cause: shared })];
  show(new asyncio.ExceptionGroup("sharing", [first, second]));
}

asyncio.runSync(main());
