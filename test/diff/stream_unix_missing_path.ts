import * as asyncio from "asyncio-ts";
import { print } from "./_py";

function* main() {
  for (const path of ["/nonexistent-dir-for-asyncio-ts/x.sock", "stream_unix_missing_path.py"]) {
    try {
      yield* asyncio.openUnixConnection(path);
    } catch (e) {
      if (!(e instanceof asyncio.OSError)) throw e;
      print(e.name, e instanceof asyncio.OSError, e.errno, e.message);
    }
  }
}

await asyncio.run(main());
