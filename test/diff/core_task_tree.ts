import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* fib(n: number): asyncio.Coroutine<number> {
  if (n < 2) {
    yield* asyncio.sleep(0);
    return n;
  }
  const a = asyncio.createTask(fib(n - 1));
  const b = asyncio.createTask(fib(n - 2));
  return (yield* a) + (yield* b);
}

function* main() {
  const out: number[] = [];
  for (let i = 0; i < 10; i++) out.push(yield* fib(i));
  print(out);
  print("tasks left:", asyncio.allTasks().size - 1);
}

asyncio.runSync(main());
