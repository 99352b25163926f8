import { describe, expect, it } from '@jest/globals';
import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { ClassViewsModule, HttpResponse, HttpResponseRedirect, path, RedirectView, View } from '../../src/index.js';
import { useTestApp } from '../utils/app.js';
import { PLATFORMS } from '../utils/platforms.js';

/** Redirects to `?to=`, as a "next" parameter would (Django's iri_to_uri makes it a URI). */
class GoView extends View {
  get() {
    return new HttpResponseRedirect(this.request.query.get('to') ?? '/');
  }
}

/** Reflects `?v=` into a header: the value may hold a CRLF or a character HTTP refuses. */
class EchoView extends View {
  get() {
    const response = new HttpResponse('echo', { status: 201, headers: { 'X-Before': 'set' } });
    response.setHeader(this.request.query.get('name') ?? 'X-Echo', this.request.query.get('v') ?? '');
    response.setHeader('X-After', 'set');
    return response;
  }
}

/** A typo gives a header `undefined`: refused like any value HTTP cannot carry. */
class UndefinedHeaderView extends View {
  get() {
    return new HttpResponse('x', { headers: { 'X-Missing': (this.kwargs as Record<string, string>).nothing! } });
  }
}

/** A status from `?status=`: Django accepts 100 to 599 only. */
class StatusView extends View {
  get() {
    const response = new HttpResponse('x', { headers: { Location: '/elsewhere/' } });
    response.status = Number(this.request.query.get('status'));
    return response;
  }
}

/** The app's own filter: proves the error goes through Nest's exception filters. */
@Catch()
class RecordingFilter implements ExceptionFilter {
  readonly caught: unknown[] = [];
  catch(exception: unknown, host: ArgumentsHost) {
    this.caught.push(exception);
    const reply = host.switchToHttp().getResponse();
    if (typeof reply.code === 'function') reply.code(500).header('Content-Type', 'text/plain').send('filtered');
    else reply.status(500).type('text/plain').send('filtered');
  }
}

describe.each(PLATFORMS)('header values on %s', (platform) => {
  const filter = new RecordingFilter();

  const { http } = useTestApp(
    platform,
    {
      imports: [
        ClassViewsModule.forRoot({
          urlpatterns: [
            path('go/', GoView.asView()),
            path('echo/', EchoView.asView()),
            path('to/<str:name>/', RedirectView.asView({ url: '/people/%(name)s/' })),
            path('undefined/', UndefinedHeaderView.asView()),
            path('status/', StatusView.asView()),
          ],
        }),
      ],
    },
    { beforeInit: (nest) => void nest.useGlobalFilters(filter) },
  );

  it('turns a non-ASCII redirect target into a valid URI, as Django iri_to_uri() does', async () => {
    const res = await http.get(`/go/?to=${encodeURIComponent('/日本/?q=ü #frag')}`);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/%E6%97%A5%E6%9C%AC/?q=%C3%BC%20#frag');
  });

  it('keeps percent-escapes and the characters a URI allows as they are', async () => {
    const target = "/a%2Fb/?x=1&y=[2]+3;z=$(!*'~)@:,";
    const res = await http.get(`/go/?to=${encodeURIComponent(target)}`);
    expect(res.headers.location).toBe(target);
  });

  it('encodes a CRLF in a redirect target, so it cannot add a header', async () => {
    const res = await http.get(`/go/?to=${encodeURIComponent('/x\r\nSet-Cookie: evil=1')}`);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/x%0D%0ASet-Cookie:%20evil=1');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('gives a RedirectView a valid URI for a non-ASCII capture', async () => {
    const res = await http.get(`/to/${encodeURIComponent('José')}/`);
    expect(res.headers.location).toBe('/people/Jos%C3%A9/');
  });

  it('answers a header value that is not a string with a 500 through the filters', async () => {
    filter.caught.length = 0;
    const res = await http.get('/undefined/');
    expect(res.status).toBe(500);
    expect(res.text).toBe('filtered');
    expect((filter.caught[0] as Error).message).toMatch(
      /^The response header 'X-Missing' has a name or value that HTTP does not allow/,
    );
  });

  it.each(['42', '600', '1000', '200.5', 'NaN'])(
    'answers a status of %s with a 500 through the filters, without its headers',
    async (status) => {
      filter.caught.length = 0;
      const res = await http.get(`/status/?status=${status}`);
      expect(res.status).toBe(500);
      expect(res.text).toBe('filtered');
      expect(res.headers.location).toBeUndefined();
      expect((filter.caught[0] as Error).message).toBe(
        `HTTP status code must be an integer from 100 to 599, not ${status}.`,
      );
    },
  );

  it.each([
    ['a CRLF in a value', 'X-Echo', 'a\r\nSet-Cookie: evil=1'],
    ['a character above U+00FF in a value', 'X-Echo', '日本'],
    ['a NUL in a value', 'X-Echo', 'a\u0000b'],
    ['a space in a name', 'X Echo', 'v'],
  ])(
    'answers %s with a 500 through the app exception filters, nothing of the failed response sent',
    async (_label, name, v) => {
      filter.caught.length = 0;
      const res = await http.get(`/echo/?name=${encodeURIComponent(name)}&v=${encodeURIComponent(v)}`);
      expect(res.status).toBe(500);
      expect(res.text).toBe('filtered');
      expect(res.headers['x-before']).toBeUndefined();
      expect(res.headers['x-after']).toBeUndefined();
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(filter.caught).toHaveLength(1);
      expect((filter.caught[0] as Error).message).toBe(
        `The response header '${name}' has a name or value that HTTP does not allow (a line break, a control character, a character above U+00FF, or a value that is not a string). Remove those characters or percent-encode the value.`,
      );
      const next = await http.get('/echo/?v=fine');
      expect(next.status).toBe(201);
      expect(next.headers['x-echo']).toBe('fine');
    },
  );
});

describe.each(PLATFORMS)("an invalid header with Nest's default filter on %s", (platform) => {
  const { http } = useTestApp(platform, {
    imports: [ClassViewsModule.forRoot({ urlpatterns: [path('echo/', EchoView.asView())] })],
  });

  it("is Nest's own clean 500, not the platform's", async () => {
    const res = await http.get(`/echo/?v=${encodeURIComponent('a\r\nb')}`);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ statusCode: 500, message: 'Internal server error' });
    expect(res.headers['x-before']).toBeUndefined();
  });
});
