/**
 * Python's `OSError` family (`ConnectionResetError` and friends), host-free: the Node
 * modules raise them for Node's system errors (node/oserrors.ts converts those), and the
 * fake network of `asyncio-ts/testing` raises them as a real socket would.
 */
import { keepNames } from "./exceptions";

/** A system error (Python's `OSError`): `errno` is the number, `code` Node's name for it. */
export class OSError extends Error {
  override name = "OSError";
  constructor(
    message: string,
    readonly errno: number | undefined = undefined,
    readonly code: string | undefined = undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Python's `ConnectionError`, the base of the connection errors below. */
export class ConnectionError extends OSError {
  override name = "ConnectionError";
}
/** The peer reset the connection (Python's `ConnectionResetError`, `ECONNRESET`). */
export class ConnectionResetError extends ConnectionError {
  override name = "ConnectionResetError";
}
/** Nobody listens at the address (Python's `ConnectionRefusedError`, `ECONNREFUSED`). */
export class ConnectionRefusedError extends ConnectionError {
  override name = "ConnectionRefusedError";
}
/** The connection was aborted (Python's `ConnectionAbortedError`, `ECONNABORTED`). */
export class ConnectionAbortedError extends ConnectionError {
  override name = "ConnectionAbortedError";
}
/** Writing to a pipe or socket whose reader is gone (Python's `BrokenPipeError`, `EPIPE`). */
export class BrokenPipeError extends ConnectionError {
  override name = "BrokenPipeError";
}
/** A TLS failure (Python's `ssl.SSLError`). */
export class SSLError extends OSError {
  override name = "SSLError";
}
/** The peer's certificate could not be verified (Python's `ssl.SSLCertVerificationError`). */
export class SSLCertVerificationError extends SSLError {
  override name = "SSLCertVerificationError";
}

/** A file or directory that does not exist (Python's `FileNotFoundError`, `ENOENT`). */
export class FileNotFoundError extends OSError {
  override name = "FileNotFoundError";
}
/** Not allowed, e.g. a program that is not executable (Python's `PermissionError`, `EACCES`). */
export class PermissionError extends OSError {
  override name = "PermissionError";
}
/** A path component is not a directory (Python's `NotADirectoryError`, `ENOTDIR`). */
export class NotADirectoryError extends OSError {
  override name = "NotADirectoryError";
}
/** The process does not exist any more (Python's `ProcessLookupError`, `ESRCH`). */
export class ProcessLookupError extends OSError {
  override name = "ProcessLookupError";
}

/**
 * A name resolution error (Python's `socket.gaierror`, an OSError): `errno` is glibc's
 * `EAI_*` number (negative), the message reads `[Errno -2] Name or service not known`.
 */
export class GaiError extends OSError {
  override name = "gaierror";
}

// Python's names, whatever a bundler renames the classes to (see keepNames).
keepNames({
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
  gaierror: GaiError,
});
