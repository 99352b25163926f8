import { describe, expect, it } from '@jest/globals';
import { ClassViewsModule, ConditionalGetMixin, HttpResponse, path, View } from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

const CHANGED = 'Wed, 14 Feb 2001 12:00:00 GMT';
const BEFORE = 'Tue, 13 Feb 2001 12:00:00 GMT';
const AFTER = 'Thu, 15 Feb 2001 12:00:00 GMT';

/** A document at version 2, changed at `CHANGED`, that GET reads and PUT and DELETE change. */
class DocumentView extends ConditionalGetMixin(View) {
  override csrfExempt = true;
  etag = '"v2"';

  override getEtag() {
    return this.etag;
  }

  override getLastModified() {
    return new Date(CHANGED);
  }

  async get() {
    return (await this.checkNotModified()) ?? this.withValidators(new HttpResponse('document'));
  }

  async put() {
    return (await this.checkNotModified()) ?? new HttpResponse('saved');
  }

  async delete() {
    return (await this.checkNotModified()) ?? new HttpResponse('deleted');
  }
}

/**
 * Django 4.2's `get_conditional_response()`, as `condition()` applies it: the precondition
 * headers of RFC 9110, on GET, HEAD and the methods that change the resource.
 */
describe.each(PLATFORMS)('conditional requests on %s', (platform) => {
  const { http } = useTestApp(platform, {
    imports: [
      ClassViewsModule.forRoot({
        urlpatterns: [path('doc/', DocumentView.asView()), path('weak/', DocumentView.asView({ etag: 'W/"v2"' }))],
      }),
    ],
  });

  describe('If-Match', () => {
    it('serves a GET whose If-Match lists the current ETag, or is *', async () => {
      expect((await http.get('/doc/').set('If-Match', '"v1", "v2"')).text).toBe('document');
      expect((await http.get('/doc/').set('If-Match', '*')).status).toBe(200);
    });

    it('answers 412 with no body when no listed ETag matches, with the validators on a GET', async () => {
      const res = await http.get('/doc/').set('If-Match', '"v1"');
      expect(res.status).toBe(412);
      expect(res.text ?? '').toBe('');
      expect(res.headers.etag).toBe('"v2"');
    });

    it('answers 412 to a PUT or DELETE of a stale version, without running the handler', async () => {
      const put = await http.put('/doc/').set('If-Match', '"v1"');
      expect(put.status).toBe(412);
      expect(put.text ?? '').toBe('');
      expect(put.headers.etag).toBeUndefined();
      expect((await http.delete('/doc/').set('If-Match', '"v1"')).status).toBe(412);
      expect((await http.put('/doc/').set('If-Match', '"v2"')).text).toBe('saved');
    });

    it('compares strongly: a weak ETag never matches, on either side, but * does', async () => {
      expect((await http.put('/doc/').set('If-Match', 'W/"v2"')).status).toBe(412);
      expect((await http.put('/weak/').set('If-Match', 'W/"v2"')).status).toBe(412);
      expect((await http.put('/weak/').set('If-Match', '*')).text).toBe('saved');
    });

    it('ignores an If-Match of no well-formed ETag, as Django’s parse_etags() drops them', async () => {
      expect((await http.put('/doc/').set('If-Match', 'v1')).text).toBe('saved');
    });
  });

  describe('If-Unmodified-Since', () => {
    it('serves a request when the resource has not changed since, and answers 412 when it has', async () => {
      expect((await http.put('/doc/').set('If-Unmodified-Since', CHANGED)).text).toBe('saved');
      expect((await http.put('/doc/').set('If-Unmodified-Since', AFTER)).text).toBe('saved');
      expect((await http.put('/doc/').set('If-Unmodified-Since', BEFORE)).status).toBe(412);
      expect((await http.get('/doc/').set('If-Unmodified-Since', BEFORE)).status).toBe(412);
    });

    it('is ignored when If-Match is sent, and when it is not an HTTP date', async () => {
      expect((await http.put('/doc/').set('If-Match', '"v2"').set('If-Unmodified-Since', BEFORE)).text).toBe('saved');
      expect((await http.put('/doc/').set('If-Unmodified-Since', 'yesterday')).text).toBe('saved');
    });
  });

  describe('If-None-Match', () => {
    it('answers 304 to a GET or HEAD of the current ETag, compared weakly', async () => {
      const res = await http.get('/doc/').set('If-None-Match', '"v1", W/"v2"');
      expect(res.status).toBe(304);
      expect(res.headers.etag).toBe('"v2"');
      expect((await http.head('/doc/').set('If-None-Match', '"v2"')).status).toBe(304);
      expect((await http.get('/weak/').set('If-None-Match', '"v2"')).status).toBe(304);
      expect((await http.get('/doc/').set('If-None-Match', '*')).status).toBe(304);
    });

    it('answers 412 to another method when it matches, and serves it otherwise', async () => {
      expect((await http.put('/doc/').set('If-None-Match', '"v2"')).status).toBe(412);
      expect((await http.delete('/doc/').set('If-None-Match', '*')).status).toBe(412);
      expect((await http.put('/doc/').set('If-None-Match', '"v1"')).text).toBe('saved');
    });
  });

  describe('If-Modified-Since', () => {
    it('answers 304 to a GET when nothing changed since, and serves a newer copy', async () => {
      expect((await http.get('/doc/').set('If-Modified-Since', CHANGED)).status).toBe(304);
      const res = await http.get('/doc/').set('If-Modified-Since', BEFORE);
      expect(res.text).toBe('document');
      expect(res.headers['last-modified']).toBe(CHANGED);
    });

    it('is ignored with If-None-Match, and for methods other than GET and HEAD', async () => {
      expect((await http.get('/doc/').set('If-None-Match', '"v1"').set('If-Modified-Since', CHANGED)).text).toBe(
        'document',
      );
      expect((await http.put('/doc/').set('If-Modified-Since', AFTER)).text).toBe('saved');
    });
  });
});
