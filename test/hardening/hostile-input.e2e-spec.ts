import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { PLATFORMS } from '../utils/platforms.js';
import { useSampleApp } from '../utils/sample-app.js';
import { encodeAll, rawRequest } from './raw-http.js';

/**
 * Property-based: whatever method, path, query string, headers and body a client sends
 * to the sample app (every example of the seed: templates, redirects, a guarded view,
 * list and detail views on SQLite, JSON), the answer is well-formed HTTP/1.1 and never a
 * 5xx (no view of the sample throws), and the process keeps serving.
 */

const METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'TRACE',
  'PROPFIND',
  'MKCOL',
  'LOCK',
  'SEARCH',
  'PURGE',
  'QUERY',
];
// CONNECT and Upgrade are left out: Node hands them to the server's 'connect'/'upgrade'
// listeners, which a Nest app does not have, and closes the socket before any route runs.
const method = fc.oneof(
  { arbitrary: fc.constant('GET'), weight: 3 },
  fc.constantFrom(...METHODS),
  fc.stringMatching(/^[A-Z][A-Z_-]{0,11}$/).filter((m) => m !== 'CONNECT'),
);

/** Where the sample serves something, so that most requests reach a view. */
const PREFIXES = [
  '',
  'hello/',
  'hi/',
  'async/',
  'greet/',
  'staff/',
  'about/',
  'about-inline/',
  'go/',
  'articles/',
  'old-home/',
  'books/',
  'api/books/',
  'books/1/',
  'login/',
  'account/',
  'staff-only/',
];
const rawChar = fc.constantFrom(..."abcXYZ019-._~!$&'()*+,;=:@%".split(''));
const segment = fc.oneof(
  fc.string({ unit: rawChar, maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }).map(encodeAll),
  fc.constantFrom(
    '%',
    '%zz',
    '%ff',
    '%c0%af',
    '..',
    '.',
    '%2F',
    '%2f%2fevil.example',
    '%00',
    '%0d%0a',
    '%2e%2e',
    '0',
    '7',
    '9'.repeat(30),
    'last',
    '00000000-0000-0000-0000-000000000000',
  ),
);
const randomPath = fc
  .tuple(fc.constantFrom(...PREFIXES), fc.array(segment, { maxLength: 3 }), fc.boolean(), fc.boolean())
  .map(
    ([prefix, segments, slash, doubled]) => `/${doubled ? '/' : ''}${prefix}${segments.join('/')}${slash ? '/' : ''}`,
  );
const served = fc
  .constantFrom(...PREFIXES, 'greet/ada/', 'articles/dune/', 'go/dune/', 'books/2/', 'login/?next=//evil.example/')
  .map((prefix) => `/${prefix}`);
const path = fc.oneof({ arbitrary: served, weight: 2 }, { arbitrary: randomPath, weight: 3 });
const queryPair = fc
  .tuple(fc.oneof(fc.constantFrom('page', 'x', 'q', 'page[]'), segment), segment)
  .map(([k, v]) => `${k}=${v}`);
const query = fc.oneof(
  fc.constant(''),
  fc.array(queryPair, { minLength: 1, maxLength: 4 }).map((pairs) => `?${pairs.join('&')}`),
  segment.map((s) => `?${s}`),
);

const printable = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((c) => c !== 0x7f)
    .map((c) => String.fromCharCode(c)),
  maxLength: 40,
});
const headerName = fc.oneof(
  fc.constantFrom(
    'Accept',
    'Accept-Language',
    'Accept-Encoding',
    'If-Modified-Since',
    'If-None-Match',
    'If-Match',
    'If-Unmodified-Since',
    'Cookie',
    'Content-Type',
    'Authorization',
    'X-Forwarded-For',
    'X-Forwarded-Proto',
    'X-Forwarded-Host',
    'Origin',
    'Referer',
    'User-Agent',
    'Range',
    'X-Staff',
  ),
  fc.stringMatching(/^X-[A-Za-z0-9-]{1,12}$/),
);
const headerValue = fc.oneof(
  printable,
  fc.constantFrom(
    'application/json',
    'text/html;q=0.5, application/json;q=abc',
    '*/*;q=2',
    'application/json;q=NaN',
    'Sat, 29 Feb 2020 00:00:00 GMT',
    'Thu, 01 Jan 1970 00:00:00 GMT',
    '-1',
    '"etag", W/"x"',
    '*',
    'bytes=0-1',
  ),
);
const headers = fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 });
const body = fc.oneof(
  fc.constant(null),
  fc.tuple(
    fc.constantFrom(
      'application/json',
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/json; charset=koi8-r',
    ),
    printable,
  ),
);

const request = fc.record({ method, path, query, headers, body });

describe.each(PLATFORMS)('hostile input to the sample app on %s', (platform) => {
  const served = useSampleApp(platform, { listen: true });

  it('answers any method, path, query, headers and body with well-formed HTTP, never a 5xx', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path, query, headers, body }) => {
        let head = `${method} ${path}${query} HTTP/1.1\r\nHost: 127.0.0.1`;
        for (const [name, value] of headers) head += `\r\n${name}: ${value}`;
        let payload: Buffer | undefined;
        if (body) {
          payload = Buffer.from(body[1], 'latin1');
          head += `\r\nContent-Type: ${body[0]}\r\nContent-Length: ${payload.length}`;
        }
        const res = await rawRequest(served.port, head, payload);
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        expect(res.malformed).toBeNull();
        expect(res.status).toBeLessThan(500);
        // Nothing of a server-side failure leaks: no stack trace, SQL or file path.
        expect(res.body.toString('latin1')).not.toMatch(/\bat .+:\d+:\d+|SELECT |\/work\/|node_modules/);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
    // The runs reached views, not only the router's 404.
    expect(seen.get(200) ?? 0).toBeGreaterThan(10);
    const after = await rawRequest(served.port, 'GET /books/ HTTP/1.1\r\nHost: 127.0.0.1');
    expect(after.status).toBe(200);
  });
});
