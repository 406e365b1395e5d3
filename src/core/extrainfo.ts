/**
 * The names `getExtraInfo` answers on any transport, host-free. The Node entry adds what
 * only Node has (the socket, the pipe, the child process, TLS details) to `ExtraInfo`
 * by declaration merging (src/node/extrainfo.ts), so the browser entry's types need no
 * `@types/node`.
 */
import type { SocketAddress } from "./protocols";

/**
 * Every name some transport answers, with all it may give: what `getExtraInfo` gives
 * on a transport or StreamWriter whose kind the types do not say (a protocol's
 * `connectionMade(transport)`, a function taking any `StreamWriter`). Every
 * transport-specific interface is assignable to it. With the Node entry it also has
 * `socket`, `pipe`, `subprocess` and the TLS names.
 */
export interface ExtraInfo {
  peername?: SocketAddress;
  sockname?: SocketAddress;
}

/**
 * The result of `getExtraInfo(name, defaultValue)` for a name of `I`: the value or the
 * default where the name is optional, else the value.
 */
export type ExtraInfoOr<I, K extends keyof I, D> = {} extends Pick<I, K> ? Exclude<I[K], undefined> | D : I[K];
