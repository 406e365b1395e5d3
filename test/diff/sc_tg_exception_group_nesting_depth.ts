import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* fail(msg: string): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0);
  throw new RangeError(msg);
}

function* level(n: number): asyncio.Coroutine<void> {
  if (n === 0) yield* fail("leaf");
  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    tg.createTask(level(n - 1));
  });
}

function shape(e: unknown): unknown {
  if (e instanceof asyncio.ExceptionGroup) return e.exceptions.map(shape);
  return (e as Error).message;
}

function* main() {
  try {
    yield* level(3);
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print(shape(eg));
    const [match] = eg.split(RangeError);
    const leaves = ((match!.exceptions[0] as asyncio.ExceptionGroup).exceptions[0] as asyncio.ExceptionGroup).exceptions;
    print("leaves via split:", leaves.map((x) => (x as Error).message));
  }
}

asyncio.runSync(main());
