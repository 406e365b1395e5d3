/**
 * Python's `OSError` family for Node's system errors (`ECONNRESET` and friends), so
 * that ported code can catch `ConnectionResetError` as it does in Python. `osError`
 * turns a Node error into the matching class, keeping the original as `cause`.
 */
import { constants } from "node:os";
import * as errors from "../core/oserrors";

// The classes are host-free (core/oserrors.ts); this module adds the conversion of Node's
// errors. (GaiError, Python's socket.gaierror, is exported by dns.ts.)
export {
  BrokenPipeError,
  ConnectionAbortedError,
  ConnectionError,
  ConnectionRefusedError,
  ConnectionResetError,
  FileNotFoundError,
  NotADirectoryError,
  OSError,
  PermissionError,
  ProcessLookupError,
  SSLCertVerificationError,
  SSLError,
} from "../core/oserrors";

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
const ERROR_CLASSES: Record<string, typeof errors.OSError> = {
  ECONNRESET: errors.ConnectionResetError,
  ECONNREFUSED: errors.ConnectionRefusedError,
  ECONNABORTED: errors.ConnectionAbortedError,
  EPIPE: errors.BrokenPipeError,
  ENOENT: errors.FileNotFoundError,
  EACCES: errors.PermissionError,
  EPERM: errors.PermissionError,
  ENOTDIR: errors.NotADirectoryError,
  ESRCH: errors.ProcessLookupError,
};

/**
 * The Python exception for a Node error: a system error (with `code`) becomes the
 * matching `OSError` subclass, a TLS error an `SSLError`; anything else is returned as
 * it is. Already converted errors pass through.
 */
export function osError(error: unknown): unknown {
  if (error instanceof errors.OSError || !(error instanceof Error)) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== "string") return error;
  if (CERT_CODES.has(code)) return new errors.SSLCertVerificationError(`[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${error.message}`, undefined, code, { cause: error });
  if (code.startsWith("ERR_SSL_") || code.startsWith("ERR_TLS_")) return new errors.SSLError(`[SSL] ${error.message}`, undefined, code, { cause: error });
  const errno = (constants.errno as Record<string, number>)[code];
  if (errno === undefined) return error;
  const message = `[Errno ${errno}] ${MESSAGES[code] ?? error.message}`;
  return new (ERROR_CLASSES[code] ?? errors.OSError)(message, errno, code, { cause: error });
}
