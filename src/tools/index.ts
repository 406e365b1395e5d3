/**
 * asyncio-ts's tools: debugging and tracing built on the loop's instruments
 * (`loop.addInstrument`). Host-free, like the core: they return strings and objects, and
 * the caller writes the files.
 *
 * @packageDocumentation
 */
export { TimelineRecorder, type TimelineRecorderOptions } from "./timeline-recorder";
export {
  type Timeline,
  type TimelineClock,
  type TimelineMark,
  type TimelineSpan,
  type TimelineStep,
  type TimelineTask,
} from "./timeline";
export { type TraceEvent, type TraceEvents, type TraceEventsOptions, traceEvents } from "./trace-events";
export { type TimelineHtmlOptions, timelineHtml } from "./timeline-html";
export { type TaskRow, ps, pstree, taskTable } from "./ps";
export {
  type CallGraphFrame,
  type CallGraphOptions,
  type FrameCallGraphEntry,
  type FutureCallGraph,
  type PrintCallGraphOptions,
  captureCallGraph,
  formatCallGraph,
  futureAddToAwaitedBy,
  futureDiscardFromAwaitedBy,
  printCallGraph,
} from "./callgraph";
