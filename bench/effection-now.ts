/**
 * Effection has no yield-now operation (its `sleep(0)` is a host timer); an action that
 * resolves at once goes back through Effection's scheduler, which runs every other
 * ready task first. The Effection programs use it wherever the others yield bare.
 */
import { action, type Operation } from "effection";

const resolveAtOnce = (resolve: (value: void) => void) => {
  resolve();
  return () => {};
};

export const yieldNow = (): Operation<void> => action<void>(resolveAtOnce);
