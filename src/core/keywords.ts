/**
 * Keyword arguments of constructors: where Python writes `asyncio.Queue(maxsize=2)`, a
 * port may write `new Queue({ maxsize: 2 })` as well as `new Queue(2)`, as the
 * translation rule for keyword arguments invites.
 */

/**
 * @internal `arg` as an options object if it is one, a plain object (an object literal)
 * holding only keys from `names`; undefined if it is a positional argument (a number, a
 * Lock, an array, anything but a plain object), left to the constructor's own checks.
 *
 * @throws TypeError for a key the constructor does not take, naming it and the ones it
 * does (Python: "Queue.__init__() got an unexpected keyword argument 'maxsise'").
 */
export function keywordArguments(what: string, arg: unknown, names: readonly string[]): Readonly<Record<string, unknown>> | undefined {
  if (typeof arg !== "object" || arg === null) return undefined;
  const proto = Object.getPrototypeOf(arg);
  if (proto !== Object.prototype && proto !== null) return undefined;
  for (const key of Object.keys(arg)) {
    if (!names.includes(key)) {
      throw new TypeError(`${what}() got an unexpected keyword argument '${key}'; it takes { ${names.join(", ")} }`);
    }
  }
  return arg as Record<string, unknown>;
}
