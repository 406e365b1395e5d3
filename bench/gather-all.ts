import * as asyncio from "asyncio-ts";

/**
 * `asyncio.gather(...items)` for any number of items. A JavaScript call takes at most
 * about 120 000 spread arguments (the stack overflows beyond), which the scaling
 * workload's million tasks exceed: above 100 000 the items are gathered in groups of
 * 100 000, and the groups gathered. Up to 100 000 it is exactly one gather.
 */
export function* gatherAll<T>(items: readonly asyncio.Awaitable<T>[]): asyncio.Coroutine<T[]> {
  const group = 100_000;
  if (items.length <= group) return (yield* asyncio.gather(...items)) as T[];
  const groups: asyncio.GatheringFuture<T[]>[] = [];
  for (let i = 0; i < items.length; i += group) groups.push(asyncio.gather(...items.slice(i, i + group)) as asyncio.GatheringFuture<T[]>);
  return ((yield* asyncio.gather(...groups)) as T[][]).flat();
}
