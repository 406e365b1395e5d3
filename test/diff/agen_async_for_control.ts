import * as asyncio from "asyncio-ts";
import { print } from "./_py";

const count = asyncio.asyncGenerator(function* (n: number, tag: string) {
  for (let i = 0; i < n; i++) {
    yield* asyncio.sleep(0);
    yield `${tag}${i}`;
  }
});

function* find(target: string) {
  for (const it = asyncio.asyncFor(count(10, "f")); yield* it.next(); ) {
    const x = it.value;
    if (x === target) return `found ${x}`;
  }
  return "not found";
}

const pyType = (value: unknown) => (value === null ? "NoneType" : Array.isArray(value) ? "list" : typeof value === "string" ? "str" : "int");

function* main() {
  const out: string[] = [];
  for (const it = asyncio.asyncFor(count(6, "a")); yield* it.next(); ) {
    const x = it.value;
    if (x === "a1") continue;
    if (x === "a4") break;
    out.push(x);
  }
  print(out);
  const pairs: string[] = [];
  for (const outer = asyncio.asyncFor(count(3, "o")); yield* outer.next(); ) {
    for (const inner = asyncio.asyncFor(count(3, "i")); yield* inner.next(); ) {
      if (inner.value === "i2") break;
      pairs.push(outer.value + inner.value);
    }
  }
  print(pairs);
  print(yield* find("f3"));
  print(yield* find("zz"));
  print(yield* asyncio.collect(count(3, "c")));
  print((yield* asyncio.collect(count(4, "u"))).filter((x) => x !== "u2").map((x) => x.toUpperCase()));
  const g = count(2, "d");
  print(yield* asyncio.anext(g), yield* asyncio.anext(g), yield* asyncio.anext(g, "default"));
  const it = asyncio.aiter(count(2, "e"));
  print(yield* asyncio.anext(it));
  for (const bad of [5, null, "text", [1, 2]]) {
    try {
      for (const each = asyncio.asyncFor(bad as never); yield* each.next(); );
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print("TypeError for", pyType(bad));
    }
  }
  try {
    yield* asyncio.anext(7 as never);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("anext TypeError");
  }
}

await asyncio.run(main());
