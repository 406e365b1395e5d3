/**
 * `console.log`'s formatting in the playground, close to Node's `util.format` for the values
 * programs print (so the console reads as it does in a terminal): strings as they are,
 * arrays as `[ 1, 2 ]`, objects as `{ a: 1 }`, errors as `Name: message`, Futures and Tasks
 * by their `toString()`.
 */
export function formatValues(args: readonly unknown[]): string {
  return args.map((arg) => (typeof arg === "string" ? arg : inspect(arg, 0))).join(" ");
}

function inspect(value: unknown, depth: number): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return depth === 0 ? value : `'${value.replace(/'/g, "\\'")}'`;
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
      return "undefined";
    case "symbol":
      return value.toString();
    case "function":
      return `[Function: ${value.name || "(anonymous)"}]`;
    case "boolean":
      return String(value);
  }
  if (value instanceof Error) return value.stack?.startsWith(`${value.name}:`) ? `${value.name}: ${value.message}` : String(value);
  if (depth > 2) return Array.isArray(value) ? "[Array]" : "[Object]";
  if (Array.isArray(value)) return value.length === 0 ? "[]" : `[ ${value.map((v) => inspect(v, depth + 1)).join(", ")} ]`;
  if (value instanceof Uint8Array) return `Uint8Array(${value.length}) [ ${[...value.slice(0, 20)].join(", ")}${value.length > 20 ? ", ..." : ""} ]`;
  if (value instanceof Map) return `Map(${value.size}) { ${[...value].map(([k, v]) => `${inspect(k, depth + 1)} => ${inspect(v, depth + 1)}`).join(", ")} }`;
  if (value instanceof Set) return `Set(${value.size}) { ${[...value].map((v) => inspect(v, depth + 1)).join(", ")} }`;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null && typeof (value as { toString?: unknown }).toString === "function" && (value as object).toString !== Object.prototype.toString) {
    return String(value);
  }
  const entries = Object.entries(value as object);
  if (entries.length === 0) return "{}";
  return `{ ${entries.map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${inspect(v, depth + 1)}`).join(", ")} }`;
}
