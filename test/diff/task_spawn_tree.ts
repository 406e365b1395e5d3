import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* node(label: string, depth: number, fanout: number): asyncio.Coroutine<number> {
  print("enter", label);
  const children: asyncio.Task<number>[] = [];
  if (depth > 0) {
    for (let i = 0; i < fanout; i++) {
      children.push(asyncio.createTask(node(label + String(i), depth - 1, fanout)));
    }
    print(label, "spawned", children.length);
  }
  yield* asyncio.sleep(0);
  print("after yield", label);
  let total = 1;
  for (const c of children) {
    total += yield* c;
  }
  print("leave", label, total);
  return total;
}

function* fireAndForget(label: string, out: string[]): asyncio.Coroutine<void> {
  print("ff start", label);
  yield* asyncio.sleep(0);
  out.push(label);
  if (label.length < 3) {
    asyncio.createTask(fireAndForget(label + "x", out));
  }
  print("ff end", label);
}

function* main() {
  const total = yield* asyncio.createTask(node("r", 2, 2));
  print("total nodes:", total);
  const out: string[] = [];
  asyncio.createTask(fireAndForget("f", out));
  for (let i = 0; i < 6; i++) {
    yield* asyncio.sleep(0);
    print("main turn", i, out);
  }
}

asyncio.runSync(main());
