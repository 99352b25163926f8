import { expect } from '@jest/globals';

/**
 * The fastest of five timings of `run()`, in milliseconds: a garbage collection, a compile or
 * another process can only add time, so the fastest run is the closest to the work's own cost
 * (a median still failed now and then on CI when two of the five large runs met a pause).
 */
export function timeOf(run: () => void): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/**
 * Expect `work` to take time linear in `n`: ten times the input may cost at most about ten
 * times as long (30 times, plus 50 ms, for a loaded machine); quadratic work costs 100 times.
 * The same judgement as the HTTP linear-time hardening tests, for a function.
 *
 * @param work - does the work on an input of size `n` (and may assert on the result).
 * @param n - the small size; the large one is `10 * n`. Default 10,000.
 */
export function expectLinear(work: (n: number) => void, n = 10_000): void {
  work(n); // warm-up: compile before timing
  const small = timeOf(() => work(n));
  const large = timeOf(() => work(10 * n));
  expect(large).toBeLessThan(30 * small + 50);
}
