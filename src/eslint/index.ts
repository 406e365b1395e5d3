/**
 * `asyncio-ts/eslint-plugin`: ESLint rules for code written with asyncio-ts (flat config,
 * ESLint 9). Its one rule, `no-floating-coroutine`, reports a coroutine created and
 * thrown away, which Python reports at run time as `coroutine 'f' was never awaited`.
 *
 * It has no runtime dependency: the TypeScript checker it uses for typed linting comes
 * from typescript-eslint's parser services.
 *
 * @packageDocumentation
 */
import type { ESLint, Linter } from "eslint";
import { noFloatingCoroutine } from "./no-floating-coroutine";

const plugin = {
  meta: { name: "asyncio-ts/eslint-plugin", version: "0.1.0" },
  rules: { "no-floating-coroutine": noFloatingCoroutine },
  configs: {} as { recommended: Linter.Config },
} satisfies ESLint.Plugin;

plugin.configs.recommended = {
  name: "asyncio-ts/recommended",
  plugins: { "asyncio-ts": plugin },
  rules: { "asyncio-ts/no-floating-coroutine": "error" },
};

/**
 * The ESLint plugin of asyncio-ts: the rule `no-floating-coroutine` (the static half of
 * Python's `RuntimeWarning: coroutine '…' was never awaited`) and the flat config
 * `configs.recommended`, which registers the plugin as `asyncio-ts` and turns the rule on
 * as an error. Linting throws nothing of its own; the rule needs typescript-eslint's
 * typed linting to see coroutines that only types reveal (methods, imported functions).
 */
export default plugin;
