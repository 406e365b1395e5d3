import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function describe(e: unknown): string {
  if (e instanceof asyncio.ExceptionGroup) {
    return e.name + "[" + e.exceptions.map(describe).sort().join(", ") + "]";
  }
  const name = e instanceof RangeError ? "ValueError" : (e as Error).name;
  return `${name}(${(e as Error).message})`;
}

function* fail(msg: string, delay: number): asyncio.Coroutine<never> {
  yield* asyncio.sleep(delay);
  throw new RangeError(msg);
}

function* worker(name: string, delay: number) {
  try {
    yield* asyncio.sleep(delay);
    print(name, "done");
    return name;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(name, "cancelled");
    throw e;
  }
}

function* innerGroup() {
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    tg.createTask(fail("inner failure", 0.02));
    tg.createTask(worker("inner sibling", 1));
  });
  print("inner group: not reached");
}

function* main() {
  // results from nested groups
  let a!: asyncio.Task<string>, b!: asyncio.Task<string>, c!: asyncio.Task<string>;
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (outer) {
    a = outer.createTask(worker("a", 0.01));
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (inner) {
      b = inner.createTask(worker("b", 0.02));
    });
    print("inner group exited; a done:", a.done(), "b done:", b.done());
    c = outer.createTask(worker("c", 0.01));
  });
  print("results:", a.result(), b.result(), c.result());
  // an inner group failing inside the outer body
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (outer) {
      outer.createTask(worker("outer sibling", 1));
      yield* innerGroup();
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print(describe(eg));
  }
  // an inner group failing inside an outer child, with another outer child failing
  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (outer) {
      outer.createTask(innerGroup());
      outer.createTask(fail("outer failure", 0.04));
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print(describe(eg));
  }
}

asyncio.runSync(main());
