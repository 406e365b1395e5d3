import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const slowNumbers = asyncio.asyncGenerator(function* () {
  try {
    for (let i = 0; i < 10; i++) {
      print("producing", i);
      yield i;
      try {
        yield* asyncio.sleep(1);
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print("generator saw CancelledError while awaiting");
        throw e;
      }
    }
  } finally {
    print("generator finally");
    yield* asyncio.sleep(0);
    print("generator cleanup awaited");
  }
});

function* consumer(g: asyncio.AsyncGenerator<number>) {
  try {
    for (const it = asyncio.asyncFor(g); yield* it.next(); ) print("consumer got", it.value);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("consumer cancelled");
    throw e;
  }
}

function* main() {
  const g = slowNumbers();
  const t = asyncio.createTask(consumer(g));
  yield* asyncio.sleep(0.05);
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("task cancelled:", t.cancelled());
  }
  try {
    yield* asyncio.anext(g);
  } catch (e) {
    if (!(e instanceof asyncio.StopAsyncIteration)) throw e;
    print("generator is finished");
  }

  const waitsInGen = asyncio.asyncGenerator(function* () {
    try {
      yield "ready";
      yield* asyncio.sleep(10);
      yield "never";
    } finally {
      print("waits_in_gen finally");
    }
  });
  const w = waitsInGen();
  print(yield* asyncio.anext(w));
  try {
    yield* asyncio.waitFor(asyncio.anext(w), 0.05);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("wait_for timed out");
  }
  try {
    yield* asyncio.anext(w);
  } catch (e) {
    if (!(e instanceof asyncio.StopAsyncIteration)) throw e;
    print("w finished");
  }
}

await asyncio.run(main());
