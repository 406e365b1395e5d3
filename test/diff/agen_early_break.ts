import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const ticker = asyncio.asyncGenerator(function* (name: string, n: number) {
  try {
    for (let i = 0; i < n; i++) {
      print(name, "yield", i);
      yield i;
      yield* asyncio.sleep(0);
    }
  } finally {
    print(name, "finally");
  }
});

let heldGlobally: asyncio.AsyncGenerator<number> | null = null;

function* main() {
  const g = ticker("local", 5);
  for (const it = asyncio.asyncFor(g); yield* it.next(); ) {
    const x = it.value;
    print("local got", x);
    if (x === 1) break;
  }
  print("after local loop");
  for (const it = asyncio.asyncFor(g); yield* it.next(); ) {
    const x = it.value;
    print("local resumed", x);
    if (x === 3) break;
  }
  heldGlobally = ticker("global", 3);
  for (const it = asyncio.asyncFor(heldGlobally); yield* it.next(); ) {
    print("global got", it.value);
    break;
  }
  yield* asyncio.sleep(0.01);
  print("main done");
}

await asyncio.run(main());
print("after run");
