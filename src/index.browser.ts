/**
 * asyncio-ts: Python's asyncio for TypeScript. This entry is host-free (no `node:`
 * import, no DOM): it runs in browsers, Deno, Bun and Node.
 *
 * @example
 * import * as asyncio from "asyncio-ts";
 * function* main() {
 *   yield* asyncio.sleep(0.01);
 *   return 42;
 * }
 * console.assert((await asyncio.run(main())) === 42);
 *
 * @packageDocumentation
 */
export {
  CancelledError,
  RuntimeError,
  TimeoutError,
  InvalidStateError,
  ExceptionGroup,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  BrokenBarrierError,
  IncompleteReadError,
  LimitOverrunError,
  LookupError,
  KeyboardInterrupt,
  StopAsyncIteration,
  type ExceptionCondition,
  exceptStar,
  isException,
} from "./core/exceptions";
export { Context, ContextVar, Token, copyContext } from "./core/contextvars";
export { type Clock, RealClock, VirtualClock } from "./core/clock";
export {
  EventLoop,
  Handle,
  TimerHandle,
  type EventLoopOptions,
  type ExceptionContext,
  type ExceptionHandler,
  type TaskFactory,
  getEventLoop,
  getRunningLoop,
  newEventLoop,
  setEventLoop,
} from "./core/events";
export { type Coroutine, type Awaitable, type AwaitableResult, type Suspension, isCoroutine } from "./core/coroutines";
export { Future, type DoneCallback, isFuture, wrapPromise } from "./core/futures";
export { currentSignal } from "./core/signals";
export {
  Task,
  type TaskOptions,
  createTask,
  ensureFuture,
  currentTask,
  allTasks,
  eagerTaskFactory,
  createEagerTaskFactory,
} from "./core/tasks";
export {
  type GatherOptions,
  type WaitOptions,
  type GatheringFuture,
  type AsCompletedOptions,
  sleep,
  gather,
  wait,
  waitFor,
  asCompleted,
  shield,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  ALL_COMPLETED,
} from "./core/waiting";
export { Timeout, timeout, timeoutAt } from "./core/timeouts";
export { TaskGroup } from "./core/taskgroups";
export { asyncWith, type AsyncContextManager } from "./core/asyncwith";
export * as bytes from "./core/bytes";
export { AsyncGenerator, type AsyncGeneratorBody, asyncGenerator, isAsyncGenerator } from "./core/asyncgens";
export {
  AsyncFor,
  type AsyncIteratorProtocol,
  type AsyncIterableProtocol,
  type AsyncSource,
  aiter,
  anext,
  asyncFor,
  collect,
} from "./core/asynciter";
export { aclosing, asyncContextManager, type AsyncClosable } from "./core/contextlib";
export { Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier } from "./core/locks";
export { Queue, PriorityQueue, LifoQueue } from "./core/queues";
export { run, runSync, type RunOptions } from "./core/runners";
export {
  OSError,
  ConnectionError,
  ConnectionResetError,
  ConnectionRefusedError,
  ConnectionAbortedError,
  BrokenPipeError,
  SSLError,
  SSLCertVerificationError,
  FileNotFoundError,
  PermissionError,
  NotADirectoryError,
  ProcessLookupError,
  GaiError,
} from "./core/oserrors";
export {
  BaseProtocol,
  type ProtocolLike,
  type BufferedProtocolLike,
  type DatagramProtocolLike,
  type SubprocessProtocolLike,
  Protocol,
  BufferedProtocol,
  DatagramProtocol,
  SubprocessProtocol,
  type InetAddress,
  type SocketAddress,
  type BaseTransport,
  type ReadTransport,
  type WriteTransport,
  type Transport,
  type DatagramTransport,
} from "./core/protocols";
export { AbstractServer, type ServerClient } from "./core/servers";
export {
  DEFAULT_LIMIT,
  StreamReader,
  StreamWriter,
  StreamReaderProtocol,
  FlowControlMixin,
  type StreamWriterProtocol,
  type ReaderTransport,
  type WriterTransport,
  type ClientConnectedCallback,
} from "./core/streams";
export { type OpenConnectionOptions, type StartServerOptions, openConnection, startServer } from "./core/networks";
export { withAwaitChain } from "./core/awaitchain";
export { type Instrument } from "./core/instruments";
/** @internal For `asyncio-ts/testing`, which reaches the core only through this entry. */
export { describeStuckTasks as _describeStuckTasks } from "./core/deadlock";
/** @internal For the fake network of `asyncio-ts/testing`. */
export {
  feedProtocol as _feedProtocol,
  waterMarks as _waterMarks,
  _completeProtocol,
  _isBufferedProtocol,
} from "./core/protocols";
/** @internal For the fake network of `asyncio-ts/testing`. */
export { setLoopNetwork as _setLoopNetwork, type LoopNetwork as _LoopNetwork } from "./core/networks";
/** @internal For the fake network of `asyncio-ts/testing`: the protocol factory of `startServer`. */
export { _streamServerFactory } from "./core/streams";
/** @internal For `asyncio-ts/testing`'s seeded chaos schedules. */
export type { SchedulePerturbation as _SchedulePerturbation } from "./core/events";
/** @internal For `asyncio-ts/testing`'s reports: the future a sleep's timer completes. */
export { _sleepFuture } from "./core/sleep";
export * from "./tools";
