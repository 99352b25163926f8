import { describe, expect, it } from '@jest/globals';
import { HttpResponsePermanentRedirect, HttpResponseRedirect, iriToUri } from './http-response-redirect.js';

describe('iriToUri', () => {
  it("percent-encodes non-ASCII characters as UTF-8, as Django's iri_to_uri() does", () => {
    expect(iriToUri('/日本/?q=ü')).toBe('/%E6%97%A5%E6%9C%AC/?q=%C3%BC');
  });

  it('percent-encodes spaces, quotes, angle brackets and line breaks', () => {
    expect(iriToUri('/a b/"<x>"\r\n')).toBe('/a%20b/%22%3Cx%3E%22%0D%0A');
  });

  it('keeps percent-escapes and every character a URI allows', () => {
    const uri = "http://h.example:80/a%2Fb/?x=1&y=[2]+3;z=$(!*'~)@:,#frag";
    expect(iriToUri(uri)).toBe(uri);
  });

  it('turns a lone surrogate into the bytes of U+FFFD instead of throwing', () => {
    expect(iriToUri('/\ud800/')).toBe('/%EF%BF%BD/');
  });

  it('is what a redirect sends as Location', () => {
    expect(new HttpResponseRedirect('/café/').headers.get('Location')).toBe('/caf%C3%A9/');
  });
});

describe('HttpResponseRedirect', () => {
  it('encodes every URL alike, one needing it right after another or after one that does not (no state kept between calls)', () => {
    const urls = ['/a/', '/café/', '/x y/', '/b/', '/é/', '/c/'];
    expect(urls.map((url) => new HttpResponseRedirect(url).url)).toEqual([
      '/a/',
      '/caf%C3%A9/',
      '/x%20y/',
      '/b/',
      '/%C3%A9/',
      '/c/',
    ]);
  });

  it('checks the scheme of a URL that does not start with a slash, control characters ignored', () => {
    expect(() => new HttpResponseRedirect('\u0001javascript:alert(1)')).toThrow(
      "Unsafe redirect to URL with protocol 'javascript'",
    );
    expect(new HttpResponseRedirect('//example.com/javascript:x').url).toBe('//example.com/javascript:x');
  });

  it('keeps its own status and the options given, and shares nothing between responses', () => {
    const first = new HttpResponseRedirect('/a/', { status: 200, headers: { 'X-Extra': '1' } });
    expect(first.status).toBe(302);
    expect(first.headers.get('X-Extra')).toBe('1');
    expect(first.headers.get('Location')).toBe('/a/');
    const second = new HttpResponsePermanentRedirect('/b/');
    second.headers.set('X-Other', '2');
    expect(second.status).toBe(301);
    expect(new HttpResponseRedirect('/c/').headers.has('X-Other')).toBe(false);
    expect([...new HttpResponseRedirect('/c/').headers]).toEqual([
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Location', '/c/'],
    ]);
  });
});
