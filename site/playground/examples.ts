/**
 * The preloaded examples by name, in menu order: the programs in ./examples/, put in by
 * the build (site/build.mjs) through esbuild's `define`.
 */
declare const __PLAYGROUND_EXAMPLES__: Record<string, string>;

export const EXAMPLES: Record<string, string> = __PLAYGROUND_EXAMPLES__;
