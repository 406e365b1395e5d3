// set_exception wakes a waiting reader with the error, every later read raises it, and
// exception() returns it; data fed after it stays unreachable.
import * as asyncio from "asyncio-ts";
import { print, repr } from "./_py";

function* main() {
  const reader = new asyncio.StreamReader();
  print("exception()", repr(reader.exception()));
  const waiting = asyncio.createTask(reader.readline());
  yield* asyncio.sleep(0);
  reader.setException(new asyncio.ConnectionResetError("peer went away"));
  reader.feedData("fed after the error");
  for (const aw of [waiting, reader.read(3), reader.readexactly(1), reader.readuntil("x"), reader.readline()]) {
    try {
      yield* aw;
      print("no error");
    } catch (e) {
      if (!(e instanceof asyncio.ConnectionResetError)) throw e;
      print(e.name, e.message);
    }
  }
  print("exception()", repr(reader.exception()));
}

await asyncio.run(main());
