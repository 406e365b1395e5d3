/**
 * Python's `OSError` family for Node's system errors (`ECONNRESET` and friends), so
 * that ported code can catch `ConnectionResetError` as it does in Python. `osError`
 * turns a Node error into the matching class, keeping the original as `cause`.
 */
import { constants } from "node:os";
import { keepNames } from "../core/exceptions";

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
});

const CERT_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "HOSTNAME_MISMATCH",
]);

// Python's strerror texts for the errors a socket program meets most.
const MESSAGES: Record<string, string> = {
  ECONNRESET: "Connection reset by peer",
  ECONNREFUSED: "Connection refused",
  ECONNABORTED: "Software caused connection abort",
  EPIPE: "Broken pipe",
  EADDRINUSE: "Address already in use",
  EADDRNOTAVAIL: "Cannot assign requested address",
  ETIMEDOUT: "Connection timed out",
  EHOSTUNREACH: "No route to host",
  ENETUNREACH: "Network is unreachable",
  ENOENT: "No such file or directory",
  EACCES: "Permission denied",
};

// The OSError subclass Python's OSError constructor picks for each errno.
const ERROR_CLASSES: Record<string, typeof OSError> = {
  ECONNRESET: ConnectionResetError,
  ECONNREFUSED: ConnectionRefusedError,
  ECONNABORTED: ConnectionAbortedError,
  EPIPE: BrokenPipeError,
  ENOENT: FileNotFoundError,
  EACCES: PermissionError,
  EPERM: PermissionError,
  ENOTDIR: NotADirectoryError,
  ESRCH: ProcessLookupError,
};

/**
 * The Python exception for a Node error: a system error (with `code`) becomes the
 * matching `OSError` subclass, a TLS error an `SSLError`; anything else is returned as
 * it is. Already converted errors pass through.
 */
export function osError(error: unknown): unknown {
  if (error instanceof OSError || !(error instanceof Error)) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== "string") return error;
  if (CERT_CODES.has(code)) return new SSLCertVerificationError(`[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${error.message}`, undefined, code, { cause: error });
  if (code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_")) return new SSLError(`[SSL] ${error.message}`, undefined, code, { cause: error });
  const errno = (constants.errno as Record<string, number>)[code];
  if (errno === undefined) return error;
  const message = `[Errno ${errno}] ${MESSAGES[code] ?? error.message}`;
  return new (ERROR_CLASSES[code] ?? OSError)(message, errno, code, { cause: error });
}
