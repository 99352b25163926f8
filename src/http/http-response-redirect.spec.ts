import { describe, expect, it } from '@jest/globals';
import { HttpResponseRedirect, iriToUri } from './http-response-redirect.js';

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
