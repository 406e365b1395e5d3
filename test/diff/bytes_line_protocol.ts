// A line protocol read as bytes, as binary protocols are: the walrus loop over
// readline, rstrip, split with maxsplit, == and != on bytes, find, b"".join. Some
// payloads are not UTF-8, so decoding would mangle them.
import * as asyncio from "asyncio-ts";
import { bytesRepr } from "./_bytes";
import { print } from "./_py";

const b = (s: string) => new TextEncoder().encode(s);
const list = (parts: Uint8Array[]) => `[${parts.map(bytesRepr).join(", ")}]`;

function* main() {
  const reader = new asyncio.StreamReader();
  const set = new Uint8Array([...b("SET k "), 0xff, 0x00, 0xfe]);
  for (const piece of [asyncio.bytes.join([b("PING\r\n"), set]), b("\r\nGET k\r\n"), b("\r\nQUIT  now \r\nEXTRA\r\n")]) {
    reader.feedData(piece);
  }
  reader.feedEof();
  const replies: Uint8Array[] = [];
  for (let line: Uint8Array; (line = yield* reader.readline()).length !== 0; ) {
    line = asyncio.bytes.rstrip(line, "\r\n");
    if (line.length === 0) {
      print("empty line");
      continue;
    }
    const [cmd, ...rest] = asyncio.bytes.split(line, " ", 1);
    print("cmd", bytesRepr(cmd!), "rest", list(rest), "words", list(asyncio.bytes.split(line)), "strip", bytesRepr(asyncio.bytes.strip(line)));
    if (asyncio.bytes.equal(cmd!, "PING")) {
      replies.push(b("PONG"));
    } else if (asyncio.bytes.equal(cmd!, "SET") && rest.length !== 0) {
      const [key, value] = asyncio.bytes.split(rest[0]!, " ", 1);
      replies.push(asyncio.bytes.join([b("OK "), key!, b(" "), b(String(value!.length))]));
    } else if (asyncio.bytes.equal(cmd!, "QUIT")) {
      print("quit at", asyncio.bytes.find(line, "now"), asyncio.bytes.find(line, "later"));
      break;
    }
  }
  print("left over", bytesRepr(yield* reader.read()));
  const data = asyncio.bytes.join(replies, "\r\n");
  print("reply", bytesRepr(data), data.length !== 0, data.length);
}

asyncio.run(main());
