/**
 * The load generator of `npm run bench`, one long-lived process (pinned off the servers'
 * CPU by run.ts): each line on stdin is a load to run with autocannon's API,
 * `{ "id": 1, "options": { url, connections, method, headers, body, amount | duration } }`;
 * each answer is a line `{ "id": 1, "result": <autocannon's result> }` or
 * `{ "id": 1, "error": "..." }`. Loads may overlap (the paired rounds run two at once).
 * One process for the whole run instead of one per load: starting autocannon's CLI took
 * about half a second per load, most of a `--quick` run's time.
 */
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

// Loose typing: autocannon ships no types and @types/autocannon is not a dependency.
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: object,
  done: (error: Error | null, result: unknown) => void,
) => unknown;

createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, options } = JSON.parse(line) as { id: number; options: object };
  autocannon(options, (error, result) => {
    process.stdout.write(`${JSON.stringify(error ? { id, error: String(error) } : { id, result })}\n`);
  });
});
