/**
 * What every server has (Python's `asyncio.AbstractServer`, as `base_events.Server`
 * implements it): serving, closing, waiting for its connections to close, and `async
 * with`. Host-free: the socket server (node/servers.ts) and the simulated network's
 * (testing/netserver.ts) extend it with how they listen.
 */
import type { AsyncContextManager } from "./asyncwith";
import type { Coroutine } from "./coroutines";
import type { EventLoop } from "./events";
import { RuntimeError } from "./exceptions";
import { Future } from "./futures";

/** A connection a server accepted: what `closeClients` and `abortClients` call. */
export interface ServerClient {
  close(): void;
  abort(): void;
}

/**
 * A listening server (Python's `asyncio.AbstractServer`): `close()` stops listening;
 * `waitClosed()` then waits until every connection it accepted is closed. It is an async
 * context manager: `asyncWith` closes it and waits at the end. `startServer` gives one
 * (a `Server` over sockets, a `NetworkServer` over `asyncio-ts/testing`'s network).
 *
 * @example
 * function* main() {
 *   const server = yield* asyncio.startServer(() => {}, "127.0.0.1", 0);
 *   const serving = server.isServing();
 *   yield* asyncio.asyncWith(server, function* () {}); // closes it and waits
 *   return [server instanceof asyncio.AbstractServer, serving, server.isServing()];
 * }
 * console.assert(JSON.stringify(await asyncio.run(main())) === "[true,true,false]");
 */
export abstract class AbstractServer<C extends ServerClient = ServerClient> implements AsyncContextManager<AbstractServer<C>> {
  /** @internal */ _loop: EventLoop;
  /** @internal */ _serving: boolean;
  /** @internal The connections it accepted that are not closed yet. */
  _clients: Set<C>;
  /** @internal Waiters of waitClosed; null once woken. */
  _waiters: Future<undefined>[] | null;
  /** @internal */ _servingForeverFut: Future<undefined> | null;

  /** @internal */
  constructor(loop: EventLoop) {
    this._loop = loop;
    this._serving = false;
    this._clients = new Set();
    this._waiters = [];
    this._servingForeverFut = null;
  }

  /** The loop the server runs on. */
  getLoop(): EventLoop {
    return this._loop;
  }

  /** True while it accepts connections (Python's `is_serving`). */
  isServing(): boolean {
    return this._serving;
  }

  /** Starts accepting connections if it does not yet (Python's `start_serving`). */
  *startServing(): Coroutine<void> {
    this._startServing();
  }

  /**
   * Accepts connections until cancelled; cancelling it closes the server and waits for
   * it (Python's `serve_forever`).
   *
   * @throws RuntimeError if it is closed or another task already serves forever.
   */
  *serveForever(): Coroutine<void> {
    if (this._servingForeverFut !== null) throw new RuntimeError(`server ${this} is already being awaited on serveForever()`);
    if (!this._listening()) throw new RuntimeError(`server ${this} is closed`);
    this._startServing();
    const future = new Future<undefined>(this._loop);
    this._servingForeverFut = future;
    try {
      yield* future;
    } catch (error) {
      try {
        this.close();
        yield* this.waitClosed();
      } finally {
        // biome-ignore lint/correctness/noUnsafeFinally: Python re-raises the cancellation here too.
        throw error;
      }
    } finally {
      this._servingForeverFut = null;
    }
  }

  /**
   * Stops listening; connections already accepted stay open (Python's `close`).
   * Closing twice is a no-op.
   */
  close(): void {
    if (!this._listening()) return;
    this._stopListening();
    this._serving = false;
    const forever = this._servingForeverFut;
    if (forever !== null && !forever.done()) {
      forever.cancel();
      this._servingForeverFut = null;
    }
    if (this._clients.size === 0) this._wakeup();
  }

  /** Closes every connection it accepted (Python 3.13's `close_clients`). */
  closeClients(): void {
    for (const transport of [...this._clients]) transport.close();
  }

  /** Aborts every connection it accepted (Python 3.13's `abort_clients`). */
  abortClients(): void {
    for (const transport of [...this._clients]) transport.abort();
  }

  /** Waits until the server is closed and all its connections are (Python's `wait_closed`). */
  *waitClosed(): Coroutine<void> {
    const waiters = this._waiters;
    if (waiters === null) return;
    const waiter = new Future<undefined>(this._loop);
    waiters.push(waiter);
    yield* waiter;
  }

  /** `async with server`: gives the server. */
  *aenter(): Coroutine<this> {
    return this;
  }

  /** End of `async with server`: closes it and waits until it is closed. */
  *aexit(_error?: unknown): Coroutine<boolean> {
    this.close();
    yield* this.waitClosed();
    return false;
  }

  /** @internal True until `close()`. */
  abstract _listening(): boolean;

  /** @internal Stops listening and drops the connections not yet accepted (close() then wakes waitClosed). */
  abstract _stopListening(): void;

  /** @internal Accepts what arrived before serving started. */
  abstract _acceptPending(): void;

  /** @internal */
  _startServing(): void {
    if (this._serving || !this._listening()) return;
    this._serving = true;
    this._acceptPending();
  }

  /** @internal A connection was accepted. */
  _attach(client: C): void {
    this._clients.add(client);
  }

  /** @internal A connection it accepted is closed. */
  _detach(client: C): void {
    if (!this._clients.delete(client)) return;
    if (this._clients.size === 0 && !this._listening()) this._wakeup();
  }

  /** @internal */
  _wakeup(): void {
    const waiters = this._waiters;
    this._waiters = null;
    if (waiters === null) return;
    for (const waiter of waiters) if (!waiter.done()) waiter.setResult(undefined);
  }
}
