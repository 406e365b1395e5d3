/**
 * loop.getaddrinfo and loop.getnameinfo: Python's result shapes and gaierrors, on
 * loopback names and numeric addresses only (no network).
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import * as asyncio from "../../src/index";

const { socket } = asyncio;
const hasServices = existsSync("/etc/services") && /^http\s+80\/tcp/m.test(readFileSync("/etc/services", "utf8"));

function onLoop<T>(body: (loop: asyncio.EventLoop) => asyncio.Coroutine<T>): Promise<T> {
  return asyncio.run((function* () {
    return yield* body(asyncio.getRunningLoop());
  })());
}

function* failure(aw: asyncio.Coroutine<unknown>): asyncio.Coroutine<Error> {
  try {
    yield* aw;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}

describe("getaddrinfo", () => {
  test("a numeric IPv4 address with SOCK_STREAM gives one TCP entry, as Python", async () => {
    const infos: asyncio.AddrInfo[] = await onLoop((loop) => loop.getaddrinfo("127.0.0.1", 80, { type: socket.SOCK_STREAM }));
    expect(infos).toEqual([[socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", ["127.0.0.1", 80]]]);
  });

  test("without a socket type there is one entry per type (stream, datagram, raw)", async () => {
    const infos = await onLoop((loop) => loop.getaddrinfo("127.0.0.1", "8080"));
    expect(infos.map(([, type, proto]) => [type, proto])).toEqual([
      [socket.SOCK_STREAM, 6],
      [socket.SOCK_DGRAM, 17],
      [socket.SOCK_RAW, 0],
    ]);
    const udp = await onLoop((loop) => loop.getaddrinfo("127.0.0.1", 53, { proto: socket.IPPROTO_UDP }));
    expect(udp).toEqual([[socket.AF_INET, socket.SOCK_DGRAM, 17, "", ["127.0.0.1", 53]]]);
  });

  test("IPv6 addresses have 4-item sockaddrs; a zone gives the scope id", async () => {
    const infos = await onLoop((loop) => loop.getaddrinfo("::1", 443, { type: socket.SOCK_STREAM }));
    expect(infos).toEqual([[socket.AF_INET6, socket.SOCK_STREAM, 6, "", ["::1", 443, 0, 0]]]);
    const zoned = await onLoop((loop) => loop.getaddrinfo("fe80::1%1", 80, { type: socket.SOCK_STREAM }));
    expect(zoned[0][4]).toEqual(["fe80::1", 80, 0, 1]);
  });

  test("localhost resolves to loopback addresses through the system resolver", async () => {
    const infos = await onLoop((loop) => loop.getaddrinfo("localhost", 80, { type: socket.SOCK_STREAM }));
    expect(infos.length).toBeGreaterThan(0);
    for (const [family, type, proto, canonname, sockaddr] of infos) {
      expect([type, proto, canonname]).toEqual([socket.SOCK_STREAM, 6, ""]);
      expect(family === socket.AF_INET ? sockaddr[0].startsWith("127.") : sockaddr[0] === "::1").toBe(true);
    }
    const v4 = await onLoop((loop) => loop.getaddrinfo("localhost", 80, { family: socket.AF_INET, type: socket.SOCK_STREAM }));
    expect(v4.every(([family, , , , sockaddr]) => family === socket.AF_INET && sockaddr.length === 2)).toBe(true);
  });

  test("no host: the loopback addresses, or the wildcard ones with AI_PASSIVE; no port: port 0", async () => {
    const local = await onLoop((loop) => loop.getaddrinfo(null, 80, { type: socket.SOCK_STREAM }));
    expect(local.map((info) => info[4])).toEqual([["::1", 80, 0, 0], ["127.0.0.1", 80]]);
    const passive = await onLoop((loop) => loop.getaddrinfo(null, 80, { type: socket.SOCK_STREAM, flags: socket.AI_PASSIVE }));
    expect(passive.map((info) => info[4])).toEqual([["0.0.0.0", 80], ["::", 80, 0, 0]]);
    const noPort = await onLoop((loop) => loop.getaddrinfo("127.0.0.1", null, { type: socket.SOCK_DGRAM }));
    expect(noPort).toEqual([[socket.AF_INET, socket.SOCK_DGRAM, 17, "", ["127.0.0.1", 0]]]);
  });

  test("AI_CANONNAME puts the name in the first entry only", async () => {
    const infos = await onLoop((loop) => loop.getaddrinfo("127.0.0.1", 80, { flags: socket.AI_CANONNAME }));
    expect(infos.map((info) => info[3])).toEqual(["127.0.0.1", "", ""]);
  });

  test.skipIf(!hasServices)("service names come from /etc/services, per protocol", async () => {
    const http = await onLoop((loop) => loop.getaddrinfo("127.0.0.1", "http"));
    expect(http).toEqual([[socket.AF_INET, socket.SOCK_STREAM, 6, "", ["127.0.0.1", 80]]]);
    const error = await onLoop((loop) => failure(loop.getaddrinfo("127.0.0.1", "http", { type: socket.SOCK_DGRAM })));
    expect(error.message).toBe("[Errno -8] Servname not supported for ai_socktype");
  });

  test.each([
    ["an unknown service", "127.0.0.1", "no-such-service", {}, -8, "Servname not supported for ai_socktype"],
    ["a negative port", "127.0.0.1", -1, {}, -8, "Servname not supported for ai_socktype"],
    ["a port for a raw socket", "127.0.0.1", 80, { type: socket.SOCK_RAW }, -8, "Servname not supported for ai_socktype"],
    ["a protocol that does not fit the type", "127.0.0.1", 80, { type: socket.SOCK_STREAM, proto: socket.IPPROTO_UDP }, -7, "ai_socktype not supported"],
    ["an unknown socket type", "127.0.0.1", 80, { type: 99 }, -7, "ai_socktype not supported"],
    ["an unknown family", "127.0.0.1", 80, { family: 99 }, -6, "ai_family not supported"],
    ["an IPv4 address asked as IPv6", "127.0.0.1", 80, { family: socket.AF_INET6 }, -9, "Address family for hostname not supported"],
    ["a name under AI_NUMERICHOST", "localhost", 80, { flags: socket.AI_NUMERICHOST }, -2, "Name or service not known"],
    ["a service name under AI_NUMERICSERV", "127.0.0.1", "http", { flags: socket.AI_NUMERICSERV }, -2, "Name or service not known"],
    ["an empty host", "", 80, {}, -2, "Name or service not known"],
    ["neither host nor port", null, null, {}, -2, "Name or service not known"],
    ["an empty host with an unknown service (the service is checked first)", "", "no-such-service", {}, -8, "Servname not supported for ai_socktype"],
    ["AI_CANONNAME without a host", null, 80, { flags: socket.AI_CANONNAME }, -1, "Bad value for ai_flags"],
    ["an unknown flag", "127.0.0.1", 80, { flags: 1 << 20 }, -1, "Bad value for ai_flags"],
    ["a port with a protocol only raw sockets take", "127.0.0.1", 80, { proto: 255 }, -8, "Servname not supported for ai_socktype"],
  ] as const)("%s is a gaierror as in Python", async (_what, host, port, options, errno, text) => {
    const error = await onLoop((loop) => failure(loop.getaddrinfo(host, port, options)));
    expect(error).toBeInstanceOf(asyncio.socket.gaierror);
    expect(error).toBeInstanceOf(asyncio.OSError);
    expect([error.name, (error as asyncio.GaiError).errno, error.message]).toEqual(["gaierror", errno, `[Errno ${errno}] ${text}`]);
  });

  test("a raw socket takes the protocol asked for; V4MAPPED maps IPv4 into IPv6", async () => {
    expect(await onLoop((loop) => loop.getaddrinfo("127.0.0.1", null, { proto: 255 }))).toEqual([[socket.AF_INET, socket.SOCK_RAW, 255, "", ["127.0.0.1", 0]]]);
    const mapped = await onLoop((loop) => loop.getaddrinfo("127.0.0.1", 80, { family: socket.AF_INET6, type: socket.SOCK_STREAM, flags: socket.AI_V4MAPPED }));
    expect(mapped).toEqual([[socket.AF_INET6, socket.SOCK_STREAM, 6, "", ["::ffff:127.0.0.1", 80, 0, 0]]]);
  });

  test("a port above 65535 keeps its low 16 bits, as glibc does", async () => {
    const infos = await onLoop((loop) => loop.getaddrinfo("127.0.0.1", 70000, { type: socket.SOCK_STREAM }));
    expect(infos[0][4]).toEqual(["127.0.0.1", 4464]);
  });

  test("a host that is not a string is a TypeError; a port that is not an integer an OSError", async () => {
    const a = await onLoop((loop) => failure(loop.getaddrinfo(42 as unknown as string, 80)));
    expect(a).toBeInstanceOf(TypeError);
    expect(a.message).toMatch(/getaddrinfo\(\) argument 1 must be string or None/);
    const b = await onLoop((loop) => failure(loop.getaddrinfo("127.0.0.1", 80.5)));
    expect(b).toBeInstanceOf(asyncio.OSError);
    expect(b.message).toBe("Int or String expected");
  });

  test("cancelling the task waiting for a lookup returns at once and leaks nothing", async () => {
    const outcome = await onLoop(function* (loop) {
      const task = asyncio.createTask(loop.getaddrinfo("localhost", 80));
      yield* asyncio.sleep(0);
      const t0 = loop.time();
      task.cancel();
      let cancelled = false;
      try {
        yield* task;
      } catch (error) {
        cancelled = error instanceof asyncio.CancelledError;
      }
      const waited = loop.time() - t0;
      yield* asyncio.sleep(0.05); // the system lookup ends unseen
      return { cancelled, waited, pending: loop._hostPending };
    });
    expect(outcome.cancelled).toBe(true);
    expect(outcome.waited).toBeLessThan(0.02);
    expect(outcome.pending).toBe(0);
  });
});

describe("getnameinfo", () => {
  test("a loopback address gives its name from the hosts file and the service name", async () => {
    const [host, service] = await onLoop((loop) => loop.getnameinfo(["127.0.0.1", 80]));
    expect(host).toBe("localhost");
    expect(service).toBe(hasServices ? "http" : "80");
  });

  test("NI_NUMERICHOST and NI_NUMERICSERV give the numbers back", async () => {
    const flags = socket.NI_NUMERICHOST | socket.NI_NUMERICSERV;
    expect(await onLoop((loop) => loop.getnameinfo(["127.0.0.1", 80], flags))).toEqual(["127.0.0.1", "80"]);
    expect(await onLoop((loop) => loop.getnameinfo(["::1", 22, 0, 0], flags))).toEqual(["::1", "22"]);
  });

  test("an address without a name gives the address, or a gaierror under NI_NAMEREQD", async () => {
    const [host, service] = await onLoop((loop) => loop.getnameinfo(["127.0.0.2", 12345], 0));
    expect([host, service]).toEqual(["127.0.0.2", "12345"]);
    const error = await onLoop((loop) => failure(loop.getnameinfo(["127.0.0.2", 80], socket.NI_NAMEREQD)));
    expect(error).toBeInstanceOf(asyncio.GaiError);
    expect(error.message).toBe("[Errno -2] Name or service not known");
  });

  test.skipIf(!hasServices)("NI_DGRAM looks the service up for UDP", async () => {
    expect((await onLoop((loop) => loop.getnameinfo(["127.0.0.1", 53], socket.NI_DGRAM | socket.NI_NUMERICHOST)))[1]).toBe("domain");
  });

  test("malformed sockaddrs fail as in Python", async () => {
    const name = await onLoop((loop) => failure(loop.getnameinfo(["localhost", 80])));
    expect(name.message).toBe("[Errno -2] Name or service not known");
    const four = await onLoop((loop) => failure(loop.getnameinfo(["127.0.0.1", 80, 0, 0])));
    expect(four).toBeInstanceOf(asyncio.OSError);
    expect(four.message).toBe("IPv4 sockaddr must be 2 tuple");
    const short = await onLoop((loop) => failure(loop.getnameinfo(["127.0.0.1"])));
    expect(short.message).toBe("getnameinfo(): illegal sockaddr argument");
    const port = await onLoop((loop) => failure(loop.getnameinfo(["127.0.0.1", "80"])));
    expect(port).toBeInstanceOf(TypeError);
    const notArray = await onLoop((loop) => failure(loop.getnameinfo("127.0.0.1:80" as unknown as asyncio.SockAddr)));
    expect(notArray.message).toMatch(/must be a tuple/);
  });
});
