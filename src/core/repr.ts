/**
 * Short descriptions of user values for error messages, in the spirit of Python's
 * `repr()`: `42`, `'text'`, `function factorial`, `a Promise`, `Task-1`.
 */
export function describe(value: unknown): string {
  switch (typeof value) {
    case "string":
      return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "undefined":
      return "undefined";
    case "symbol":
      return value.toString();
    case "function":
      return `${isGeneratorFunction(value) ? "generator function" : "function"} ${value.name || "(anonymous)"}`;
  }
  if (value === null) return "null";
  const tag = Object.prototype.toString.call(value);
  if (tag === "[object Generator]") return "a generator object";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  // Objects that describe themselves (Futures, Tasks, loops) come before thenables:
  // a Future is a thenable too, but "<Future pending>" says more than "a Promise".
  const own = (value as { toString?: unknown }).toString;
  if (typeof own === "function" && own !== Object.prototype.toString) {
    try {
      return String(value);
    } catch {
      // fall through
    }
  }
  if (isThenable(value)) return "a Promise";
  const proto: unknown = Object.getPrototypeOf(value as object);
  if (proto === Object.prototype || proto === null) return describePlainObject(value as object, proto === null);
  const ctor = (value as { constructor?: { name?: string } }).constructor;
  if (!ctor?.name) return tag;
  return `${/^[AEIOU]/.test(ctor.name) ? "an" : "a"} ${ctor.name} object`;
}

/**
 * A literal's keys say more than its class (`an object {aenter, exit}`): the usual bad
 * input is a literal with a misspelt or missing method.
 */
function describePlainObject(value: object, nullPrototype: boolean): string {
  const kind = nullPrototype ? "a null-prototype object" : "an object";
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch {
    return kind; // a Proxy may refuse
  }
  if (keys.length === 0) return `${nullPrototype ? kind : "an empty object"} {}`;
  const shown = keys.slice(0, 4).join(", ");
  return `${kind} {${keys.length > 4 ? `${shown}, …` : shown}}`;
}

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;

export function isGeneratorFunction(value: unknown): boolean {
  return typeof value === "function" && value instanceof GeneratorFunction;
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === "object" || typeof value === "function") &&
    typeof (value as { then?: unknown }).then === "function"
  );
}
