import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  ClassViewsModule,
  JsonResponse,
  JsonResponseMixin,
  ListView,
  path,
  type UrlPattern,
  View,
} from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';
import { encodeAll, rawRequest } from './raw-http.js';

class EchoView extends View {
  get() {
    return new JsonResponse({ v: this.kwargs.v });
  }
}

class NumbersView extends JsonResponseMixin(ListView<number>) {
  queryset = Array.from({ length: 23 }, (_, i) => i + 1);
  paginateBy = 5;
  templateName = 'unused.html';
}

/**
 * What Django's resolver does with the decoded segment: the converter's regex must match
 * all of it (Python's `.` stops only at `\n`), then `to_python`. The library's int gives
 * up above 2^53 - 1 instead of rounding (see int-converter.e2e-spec.ts).
 */
const DJANGO: Record<string, (text: string) => { ok: boolean; value?: unknown }> = {
  int: (t) => ({ ok: /^[0-9]+$/.test(t) && Number.isSafeInteger(Number(t)), value: Number(t) }),
  str: (t) => ({ ok: /^[^/]+$/.test(t), value: t }),
  slug: (t) => ({ ok: /^[-a-zA-Z0-9_]+$/.test(t), value: t }),
  uuid: (t) => ({ ok: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(t), value: t }),
  path: (t) => ({ ok: /^[^\n]+$/.test(t), value: t }),
};

/** Text a converter may or may not accept: its own alphabet, plus any character. */
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef-_/.xZ '.split('')), maxLength: 12 }),
  fc.uuid().map((u) => u.toLowerCase()),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('a\nb', 'a\rb', 'a\u2028b', '9007199254740992', '0'.repeat(20) + '7', '.', '..'),
);

describe.each(PLATFORMS)('converters and page numbers get random strings on %s', (platform) => {
  const urlpatterns: UrlPattern[] = Object.keys(DJANGO).map((name) => path(`${name}/<${name}:v>/`, EchoView.asView()));
  urlpatterns.push(path('numbers/', NumbersView.asView()));
  const served = useTestApp(platform, { imports: [ClassViewsModule.forRoot({ urlpatterns })] }, { listen: true });

  it.each(Object.keys(DJANGO))('%s matches exactly what Django matches, with the value Django gives', async (name) => {
    await fc.assert(
      fc.asyncProperty(text, async (raw) => {
        const decoded = Buffer.from(raw, 'utf8').toString('utf8'); // lone surrogates become U+FFFD
        const res = await rawRequest(served.port, `GET /${name}/${encodeAll(raw)}/ HTTP/1.1\r\nHost: 127.0.0.1`);
        const expected = DJANGO[name]!(decoded);
        expect(res.malformed).toBeNull();
        if (expected.ok) {
          expect(res.status).toBe(200);
          expect(JSON.parse(res.body.toString('utf8'))).toEqual({ v: expected.value });
        } else {
          expect(res.status).toBe(404);
        }
      }),
      { numRuns: 40, examples: [['a\rb'], ['a\u2028b'], ['a\nb'], ['9007199254740992'], ['']] },
    );
  });

  it('answers any page number with 200 for a page that exists and 404 otherwise', async () => {
    const page = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'0123456789 +-_'.split('')), maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.constantFrom('last', 'LAST', '٣', '２', '1_0', ' 2 ', '+2', '2.0', '1e0', '0x2', '9'.repeat(400), '-0', '0'),
    );
    await fc.assert(
      fc.asyncProperty(page, async (raw) => {
        const res = await rawRequest(
          served.port,
          `GET /numbers/?page=${encodeAll(raw)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json`,
        );
        expect(res.malformed).toBeNull();
        expect([200, 404]).toContain(res.status);
        const ascii = /^\s*\+?0*([1-5])\s*$/.exec(raw);
        if (ascii || raw === 'last' || raw === '') {
          // Django: `kwargs.get(page) or GET.get(page) or 1`, so an empty value is page 1.
          expect(res.status).toBe(200);
          const number = JSON.parse(res.body.toString('utf8')).page.number;
          expect(number).toBe(ascii ? Number(ascii[1]) : raw === 'last' ? 5 : 1);
        }
        // Neither a digit of any script nor 'last': Django's int() refuses it, a 404.
        if (!/[\p{Nd}]/u.test(raw) && raw !== 'last' && raw !== '') expect(res.status).toBe(404);
      }),
      { numRuns: 100 },
    );
  });
});
