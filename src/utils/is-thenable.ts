/**
 * Whether `value` is a promise or another thenable. The form and editing paths await a
 * hook's result only when it is one: an `await` of a plain value still costs a promise
 * and a turn of the microtask queue, on every request.
 */
export function isThenable<T = unknown>(value: unknown): value is PromiseLike<T> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as PromiseLike<T>).then === 'function'
  );
}
